using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Descent.Persistence;

/// <summary>
/// Saves and loads <see cref="SavedModel"/>s as versioned JSON documents:
/// <c>{"format": "descent-model", "formatVersion": 1 or 2, "kind": ..., "featureNames": [...], "target": ...,
/// "preprocessing": [{"kind": ...}, ...], "model": {...}}</c>. A file declares the highest
/// <see cref="IModelFormat.FormatVersion"/> of its model and steps: 1 for the layouts of the first release, 2 when a
/// kind stores its big arrays in the compact encoding of <see cref="JsonFormat.Encoded(double[])"/> (trees, forests).
/// Saving streams the document to a temporary file, encoding each array as it goes, and moves it into place; loading
/// streams it back (<see cref="ModelJsonParser"/>), never holding the file's text. A file of another format, an
/// unknown version or kind, or truncated, edited or damaged content is refused with a message naming the file and
/// the field.
/// </summary>
public static class ModelFile
{
    /// <summary>The value of the top-level "format" field.</summary>
    public const string FormatName = "descent-model";

    /// <summary>The newest format version this library writes and reads (it reads every version from 1).</summary>
    public const int FormatVersion = 2;

    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    /// <summary>The JSON document for <paramref name="model"/>.</summary>
    public static string ToJson(SavedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var text = new MemoryStream();
        Write(text, model);
        return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> (a temporary file, then moved into place).</summary>
    public static void Save(string path, SavedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        AtomicFile.Write(path, stream =>
        {
            Write(stream, model);
            stream.WriteByte((byte)'\n');
        });
    }

    /// <summary>Streams the document for <paramref name="model"/> to <paramref name="stream"/> as indented UTF-8 JSON.</summary>
    private static void Write(Stream stream, SavedModel model)
    {
        var format = ModelFormats.ForModel(model.Model);
        int version = format.FormatVersion;
        var preprocessing = new JsonArray();
        foreach (var step in model.Preprocessing)
        {
            var stepFormat = ModelFormats.ForModel(step);
            var json = stepFormat.Write(step);
            json.Insert(0, "kind", stepFormat.Kind);
            preprocessing.Add(json);
            version = Math.Max(version, stepFormat.FormatVersion);
        }
        var document = new JsonObject
        {
            ["format"] = FormatName,
            ["formatVersion"] = version,
            ["kind"] = format.Kind,
            ["featureNames"] = JsonFormat.Strings(model.FeatureNames),
            ["target"] = model.TargetName,
            ["preprocessing"] = preprocessing,
            ["model"] = format.Write(model.Model),
        };
        using var writer = new Utf8JsonWriter(stream, Indented);
        document.WriteTo(writer);
    }

    /// <summary>Reads the model saved in <paramref name="path"/>.</summary>
    /// <exception cref="DescentDataException">The file is missing, not a Descent model, of an unknown version or kind, or damaged.</exception>
    public static SavedModel Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            return Read(stream, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DescentDataException($"{path}: cannot read the model file ({e.Message}).", path, innerException: e);
        }
    }

    /// <summary>Like <see cref="Load"/>, but returns false with the reason instead of throwing for a bad file.</summary>
    public static bool TryLoad(string path, out SavedModel? model, out string? error)
    {
        try
        {
            model = Load(path);
            error = null;
            return true;
        }
        catch (DescentDataException e)
        {
            model = null;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Reads a model from its JSON text; <paramref name="file"/> names the source in error messages.</summary>
    public static SavedModel FromJson(string json, string file = "model")
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json), writable: false);
        return Read(stream, file);
    }

    /// <summary>Reads a model from <paramref name="stream"/>, a buffer at a time; <paramref name="file"/> names it in messages.</summary>
    internal static SavedModel Read(Stream stream, string file, int maxValueBytes = ModelJsonParser.MaxValueBytes)
    {
        JsonObject document;
        try
        {
            document = ModelJsonParser.Parse(stream, file, maxValueBytes);
        }
        catch (JsonException e)
        {
            throw new DescentDataException(
                $"{file}: not a Descent model file, or a damaged one: invalid JSON ({e.Message}).", file, innerException: e);
        }
        if (!document.TryGetPropertyValue("format", out var formatNode) || formatNode?.ToString() != FormatName)
            throw new DescentDataException($"{file}: not a Descent model file (its \"format\" field is not \"{FormatName}\").", file);
        int version = new ModelJsonReader(file).Integer(document, "formatVersion", "");
        if (version < 1 || version > FormatVersion)
            throw new DescentDataException(
                $"{file}: model format version {version} is not supported; this Descent reads versions 1 to {FormatVersion}. " +
                (version > FormatVersion ? "Upgrade Descent to read it." : "Fit the model again."), file);
        var reader = new ModelJsonReader(file, version);
        string kind = reader.String(document, "kind", "");
        var format = ModelFormats.ForKind(kind)
            ?? throw new DescentDataException($"{file}: unknown model kind '{kind}'; known kinds: {string.Join(", ", ModelFormats.Kinds)}.", file);
        if (typeof(IFittedTransformer).IsAssignableFrom(format.ModelType))
            throw new DescentDataException($"{file}: '{kind}' is a preprocessing step, not a model kind; it belongs in \"preprocessing\".", file);
        var featureNames = reader.Strings(document, "featureNames", "");
        string? target = document["target"] is JsonValue t ? reader.String(document, "target", "") : null;
        var steps = new List<IFittedTransformer>();
        var preprocessing = reader.Array(document, "preprocessing", "");
        for (int i = 0; i < preprocessing.Count; i++)
        {
            string path = $"preprocessing[{i}]";
            var step = preprocessing[i] as JsonObject ?? throw reader.Invalid(path, "must be a JSON object");
            string stepKind = reader.String(step, "kind", path);
            var stepFormat = ModelFormats.ForKind(stepKind)
                ?? throw reader.Invalid($"{path}.kind", $"names an unknown preprocessing kind '{stepKind}'");
            steps.Add(Build(() => stepFormat.Read(reader, step), reader, path) as IFittedTransformer
                ?? throw reader.Invalid($"{path}.kind", $"'{stepKind}' is not a preprocessing step"));
        }
        var model = Build(() => format.Read(reader, reader.Object(document, "model", "")), reader, "model");
        return Build(() => new SavedModel(model, featureNames, target, steps), reader, "");
    }

    /// <summary>Runs a constructor, turning its argument checks (inconsistent sizes in an edited file) into file errors.</summary>
    private static T Build<T>(Func<T> construct, ModelJsonReader reader, string path)
    {
        try
        {
            return construct();
        }
        catch (ArgumentException e) when (e is not DescentDataException)
        {
            throw new DescentDataException(
                $"{reader.File}: {(path.Length == 0 ? "the model" : $"field '{path}'")} is inconsistent ({e.Message}). " +
                "The file may be edited or damaged; fit the model again.", reader.File, innerException: e);
        }
    }
}
