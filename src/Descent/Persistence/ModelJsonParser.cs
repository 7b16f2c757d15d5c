using System.Text.Json;
using System.Text.Json.Nodes;
using Descent.Numerics;

namespace Descent.Persistence;

/// <summary>
/// Reads a model file's JSON from a stream a buffer at a time (a <see cref="Utf8JsonReader"/> over the stream; the
/// buffer grows only to hold the longest single value) into a JSON tree in which every encoded array
/// (<see cref="ArrayEncoding"/>) is already decoded: the base64 text of the big arrays is never held as a string or a
/// DOM node. What is not a model file is refused at its first bytes: the document must be a JSON object whose first
/// field is <c>"format": "descent-model"</c>. Declared array sizes are checked against the bytes actually present
/// before anything of that size is allocated, and all decoded arrays together may take at most
/// <see cref="MaxDecodedPerByte"/> times the bytes read, so a small file cannot claim gigabytes.
/// </summary>
internal sealed class ModelJsonParser
{
    /// <summary>The longest single JSON value (one encoded array's base64 text, say) the parser will buffer.</summary>
    public const int MaxValueBytes = 1 << 30;

    /// <summary>The decoded size of all arrays, relative to the file's bytes (zlib reaches a few times at most on real models).</summary>
    public const int MaxDecodedPerByte = 64;

    /// <summary>How far into the stream the document's first token must be (a model file starts with "{").</summary>
    public const int MaxLeadingBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly ModelJsonReader _messages;
    private readonly int _maxValueBytes;
    private readonly Stack<Frame> _frames = new();
    private byte[] _buffer = new byte[1 << 16];
    private int _start, _end;
    private bool _final;
    private long _bytesRead, _decodedBytes;
    private JsonObject? _root;

    private ModelJsonParser(Stream stream, ModelJsonReader messages, int maxValueBytes)
    {
        _stream = stream;
        _messages = messages;
        _maxValueBytes = maxValueBytes;
    }

    /// <summary>
    /// The model document in <paramref name="stream"/>; errors name <paramref name="file"/>. No single value may be
    /// longer than <paramref name="maxValueBytes"/> (<see cref="MaxValueBytes"/> unless a test says less).
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON (or is cut short).</exception>
    /// <exception cref="DescentDataException">It is JSON but not a model file, or an encoded array is damaged.</exception>
    public static JsonObject Parse(Stream stream, string file, int maxValueBytes = MaxValueBytes)
    {
        var parser = new ModelJsonParser(stream, new ModelJsonReader(file), maxValueBytes);
        return parser.Run();
    }

    private JsonObject Run()
    {
        var state = new JsonReaderState();
        Fill();
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, state);
            bool complete = Tokens(ref reader);
            _start += (int)reader.BytesConsumed;
            state = reader.CurrentState;
            if (complete)
            {
                RequireOnlyWhitespaceAfter();
                return _root!;
            }
            if (_final)
                throw new JsonException("The JSON ends before the model's object is closed.");
            if (_frames.Count == 0 && _bytesRead > MaxLeadingBytes)
                throw NotAModel($"no JSON object starts in its first {MaxLeadingBytes >> 20} MiB");
            Fill();
        }
    }

    /// <summary>Builds nodes from the tokens in the buffer; true once the root object is closed.</summary>
    private bool Tokens(ref Utf8JsonReader reader)
    {
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    _frames.Push(new Frame(ChildPath(), new JsonObject()));
                    break;
                case JsonTokenType.StartArray:
                    if (_frames.Count == 0)
                        throw NotAModel("expected a JSON object");
                    _frames.Push(new Frame(ChildPath(), new JsonArray()));
                    break;
                case JsonTokenType.PropertyName:
                    Property(reader.GetString()!);
                    break;
                case JsonTokenType.String:
                    String(ref reader);
                    break;
                case JsonTokenType.Number:
                    Add(reader.TryGetDouble(out double number) && double.IsFinite(number)
                        ? JsonValue.Create(number)
                        : JsonValue.Create(JsonElement.ParseValue(ref reader)));
                    break;
                case JsonTokenType.True or JsonTokenType.False:
                    Add(JsonValue.Create(reader.GetBoolean()));
                    break;
                case JsonTokenType.Null:
                    Add(null);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    Frame done = _frames.Pop();
                    JsonNode node = done.Encoded is { } array ? JsonValue.Create(array, ArrayEncoding.TypeInfo)! : done.Node;
                    if (_frames.Count > 0)
                    {
                        Add(node);
                        break;
                    }
                    _root = (JsonObject)node;
                    if (_root.Count == 0)
                        throw NotAModel("an empty JSON object");
                    return true;
            }
        }
        return false;
    }

    private void Property(string name)
    {
        Frame frame = _frames.Peek();
        var json = (JsonObject)frame.Node;
        if (frame.Encoded is not null)
            throw _messages.Invalid(frame.Path, $"is an encoded array, which has no field after \"{ArrayEncoding.DataKey}\"");
        if (json.ContainsKey(name))
            throw _messages.Invalid(Join(frame.Path, name), "appears twice; a model file names each field once");
        if (_frames.Count == 1 && json.Count == 0 && name != "format")
            throw NotAModel($"it does not begin with \"format\": \"{ModelFile.FormatName}\"");
        frame.Name = name;
    }

    private void String(ref Utf8JsonReader reader)
    {
        if (_frames.Count == 0)
            throw NotAModel("expected a JSON object");
        Frame frame = _frames.Peek();
        if (frame.Node is JsonObject json && frame.Name == ArrayEncoding.DataKey && json.ContainsKey(ArrayEncoding.TypeKey))
        {
            frame.Encoded = Decode(ref reader, json, frame.Path);
            return;
        }
        string text = reader.GetString()!;
        if (_frames.Count == 1 && ((JsonObject)frame.Node).Count == 0 && text != ModelFile.FormatName)
            throw NotAModel($"its \"format\" field is not \"{ModelFile.FormatName}\"");
        Add(JsonValue.Create(text));
    }

    /// <summary>Decodes the base64 text of an encoded array whose dtype, count and compression came before it.</summary>
    private EncodedArray Decode(ref Utf8JsonReader reader, JsonObject header, string path)
    {
        string data = Join(path, ArrayEncoding.DataKey);
        if (header.Count != 3 || header.GetAt(0).Key != ArrayEncoding.TypeKey || header.GetAt(1).Key != ArrayEncoding.CountKey
            || header.GetAt(2).Key != ArrayEncoding.CompressionKey)
            throw _messages.Invalid(path, $"must be an encoded array: {ArrayEncoding.TypeKey}, {ArrayEncoding.CountKey}, " +
                                          $"{ArrayEncoding.CompressionKey} and {ArrayEncoding.DataKey}, in that order");
        string dtype = _messages.String(header, ArrayEncoding.TypeKey, path);
        int width = PackedArray.Width(dtype);
        if (width == 0)
            throw _messages.Invalid(Join(path, ArrayEncoding.TypeKey), $"must be one of {PackedArray.TypeNames}");
        int count = _messages.Integer(header, ArrayEncoding.CountKey, path);
        if (count < 0)
            throw _messages.Invalid(Join(path, ArrayEncoding.CountKey), "must be at least 0");
        string compression = _messages.String(header, ArrayEncoding.CompressionKey, path);
        if (compression is not ("none" or "zlib"))
            throw _messages.Invalid(Join(path, ArrayEncoding.CompressionKey), "must be \"none\" or \"zlib\"");
        _decodedBytes += (long)count * width;
        if (_decodedBytes > MaxDecodedPerByte * _bytesRead)
            throw _messages.Invalid(Join(path, ArrayEncoding.CountKey),
                $"declares more data than a model file of this size can hold ({_decodedBytes} bytes of arrays in the first {_bytesRead} bytes of the file)");
        Func<string, Exception> invalid = requirement => _messages.Invalid(data, requirement);
        bool compressed = compression == "zlib";
        if (!reader.ValueIsEscaped)
            return new EncodedArray(ArrayEncoding.Decode(dtype, count, compressed, reader.ValueSpan, invalid));
        var unescaped = new byte[reader.ValueSpan.Length];
        int length = reader.CopyString(unescaped);
        return new EncodedArray(ArrayEncoding.Decode(dtype, count, compressed, unescaped.AsSpan(0, length), invalid));
    }

    private void Add(JsonNode? node)
    {
        if (_frames.Count == 0)
            throw NotAModel("expected a JSON object");
        Frame frame = _frames.Peek();
        if (frame.Node is JsonArray array)
        {
            array.Add(node);
            return;
        }
        ((JsonObject)frame.Node).Add(frame.Name!, node);
    }

    /// <summary>The path of the value about to start, for messages: "model.trees[3]".</summary>
    private string ChildPath()
    {
        if (_frames.Count == 0)
            return "";
        Frame parent = _frames.Peek();
        return parent.Node is JsonArray array ? $"{parent.Path}[{array.Count}]" : Join(parent.Path, parent.Name!);
    }

    /// <summary>Moves the unread bytes to the front, grows the buffer when one value fills it, and reads more.</summary>
    private void Fill()
    {
        int unread = _end - _start;
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
        (_start, _end) = (0, unread);
        if (unread == _buffer.Length)
        {
            if (_buffer.Length >= _maxValueBytes)
                throw new DescentDataException(
                    $"{_messages.File}: a single value in the file is longer than {_maxValueBytes >> 20} MiB; this is not a model file Descent wrote.",
                    _messages.File);
            Array.Resize(ref _buffer, (int)Math.Min(2L * _buffer.Length, _maxValueBytes));
        }
        while (_end < _buffer.Length)
        {
            int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _final = true;
                return;
            }
            _end += read;
            _bytesRead += read;
        }
    }

    private void RequireOnlyWhitespaceAfter()
    {
        while (true)
        {
            foreach (byte b in _buffer.AsSpan(_start, _end - _start))
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                    throw new JsonException("Content follows the end of the model's JSON object.");
            }
            _start = _end;
            if (_final)
                return;
            Fill();
        }
    }

    private DescentDataException NotAModel(string reason) =>
        new($"{_messages.File}: not a Descent model file ({reason}).", _messages.File);

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>An object or array being read: its node, its path, the field whose value comes next, the array it encodes.</summary>
    private sealed class Frame(string path, JsonNode node)
    {
        public string Path { get; } = path;
        public JsonNode Node { get; } = node;
        public string? Name { get; set; }
        public EncodedArray? Encoded { get; set; }
    }
}
