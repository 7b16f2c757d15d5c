using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Descent.Data.Parsing;

/// <summary>
/// Splits a UTF-8 CSV byte stream into records and fields without decoding it to text: the stream is read in
/// large blocks, a record is found with a vectorised search for '\n', and its fields are byte ranges of the block.
/// Handles LF and CRLF line ends, a UTF-8 byte-order mark, blank lines (skipped), and RFC 4180 quoted fields
/// (delimiters, doubled quotes and line breaks inside quotes). Unquoted fields are trimmed of spaces and tabs;
/// quoted fields are kept exactly. Fields stay valid until the next <see cref="Read"/>. A line of only spaces or tabs is
/// an error naming it (it is neither blank nor a record); a record longer than <see cref="MaxRecordBytes"/> is an error
/// (a file with no line breaks, such as /dev/zero, is refused instead of filling memory). Each byte is searched once,
/// however the stream delivers them (a pipe's small reads included): a refill continues the search where it stopped.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private const int InitialBufferSize = 1 << 20;

    /// <summary>The longest record (line, or lines of one quoted record) read: 1 GiB.</summary>
    public const int MaxRecordBytes = 1 << 30;

    private readonly int _maxRecordBytes;

    private readonly Stream _stream;
    private byte _delimiter;
    private readonly string _source;
    private byte[] _buffer;
    private int _position, _end;
    private long _discarded;   // bytes of the stream before _buffer[0]
    private bool _endOfStream, _started, _firstFieldQuoted;
    private long _nextLine = 1;
    private int[] _fieldStarts = new int[16];
    private int[] _fieldLengths = new int[16];

    // How far the current record has been searched (bytes after _position), so that a refill resumes the search
    // instead of rescanning: for a '\n' (_searched), and for the record's end outside quotes (_quoteSearched, with
    // whether that point is inside quotes).
    private int _searched, _quoteSearched;
    private bool _quoteSearchInQuotes, _inQuotedRecord;

    /// <summary>A reader of <paramref name="stream"/>; <paramref name="source"/> names it in error messages.</summary>
    public CsvRecordReader(Stream stream, string source, char delimiter, int bufferSize = InitialBufferSize,
        int maxRecordBytes = MaxRecordBytes)
    {
        _maxRecordBytes = maxRecordBytes;
        _buffer = new byte[Math.Clamp(bufferSize, 16, Math.Max(16, maxRecordBytes))];
        _stream = stream;
        _source = source;
        _delimiter = (byte)delimiter;
    }

    /// <summary>
    /// A reader of a block of complete records already in memory (<paramref name="data"/>[0, <paramref name="length"/>),
    /// used in place, not copied), whose first record starts on line <paramref name="firstLine"/>.
    /// </summary>
    public CsvRecordReader(byte[] data, int length, string source, char delimiter, long firstLine)
    {
        _stream = Stream.Null;
        _maxRecordBytes = MaxRecordBytes;
        _source = source;
        _delimiter = (byte)delimiter;
        _buffer = data;
        _end = length;
        _endOfStream = true;
        _started = true;
        _nextLine = firstLine;
    }

    /// <summary>
    /// Hands over the bytes read from the stream but not yet consumed (they start at a record boundary), and the
    /// line their first record starts on; the caller then reads the rest of the stream itself.
    /// </summary>
    public (byte[] Buffer, int Start, int Length, long NextLine, bool EndOfStream) TakeRemaining() =>
        (_buffer, _position, _end - _position, _nextLine, _endOfStream);

    /// <summary>The field separator; may be changed before the first <see cref="Read"/> (after <see cref="PeekFirstLine"/>).</summary>
    public char Delimiter
    {
        get => (char)_delimiter;
        set => _delimiter = (byte)value;
    }

    /// <summary>The bytes of the first line (without its line break), read ahead without consuming it: for detecting the delimiter.</summary>
    public ReadOnlySpan<byte> PeekFirstLine()
    {
        if (!_started)
            Start();
        int newline;
        while ((newline = _buffer.AsSpan(_position, _end - _position).IndexOf((byte)'\n')) < 0 && !_endOfStream)
            Refill();
        ReadOnlySpan<byte> line = _buffer.AsSpan(_position, newline < 0 ? _end - _position : newline);
        return line.EndsWith("\r"u8) ? line[..^1] : line;
    }

    /// <summary>The bytes of the stream read up to the end of the current record (its line break included).</summary>
    public long BytesConsumed => _discarded + _position;

    /// <summary>Number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The 1-based line on which the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>Keep the bytes of each record as written (<see cref="RawRecord"/>), at the cost of a copy per quoted record.</summary>
    public bool KeepRawRecords { get; init; }

    /// <summary>The current record's bytes as written (quotes included, without its final line break); needs <see cref="KeepRawRecords"/>.</summary>
    public ReadOnlySpan<byte> RawRecord
    {
        get
        {
            ReadOnlySpan<byte> raw = _rawCopy is not null ? _rawCopy.AsSpan(0, _rawLength) : _buffer.AsSpan(_rawStart, _rawLength);
            return raw.EndsWith("\r"u8) ? raw[..^1] : raw;
        }
    }

    private byte[]? _rawCopy;
    private int _rawStart, _rawLength;

    /// <summary>Field <paramref name="index"/> of the current record (trimmed when unquoted, unescaped when quoted).</summary>
    public ReadOnlySpan<byte> Field(int index) => new(_buffer, _fieldStarts[index], _fieldLengths[index]);

    /// <summary>Moves to the next non-blank record; false at the end of the stream.</summary>
    public bool Read()
    {
        if (!_started)
            Start();
        while (true)
        {
            Line = _nextLine;
            if (!_inQuotedRecord)
            {
                int newline = _buffer.AsSpan(_position + _searched, _end - _position - _searched).IndexOf((byte)'\n');
                if (newline < 0 && !_endOfStream)
                {
                    _searched = _end - _position;
                    Refill();
                    continue;
                }
                if (newline < 0 && _position == _end)
                    return false;
                int lineEnd = newline < 0 ? _end : _position + _searched + newline;
                _inQuotedRecord = _buffer.AsSpan(_position, lineEnd - _position).IndexOf((byte)'"') >= 0;
                if (!_inQuotedRecord)
                {
                    _nextLine++;
                    (_rawCopy, _rawStart, _rawLength) = (null, _position, lineEnd - _position);
                    SplitUnquoted(_position, lineEnd);
                    _position = newline < 0 ? _end : lineEnd + 1;
                    _searched = 0;
                    if (!IsBlank())
                        return true;
                    continue;
                }
            }
            int recordEnd = FindQuotedRecordEnd();
            if (recordEnd < 0)
            {
                if (!_endOfStream)
                {
                    Refill();
                    continue;
                }
                throw new DescentDataException(
                    $"{_source}, line {Line}: a quoted field is never closed (a '\"' without its closing '\"'); " +
                    "close the quote, or write a literal quote inside a quoted field as \"\".", _source, Line);
            }
            if (KeepRawRecords)
            {
                _rawLength = recordEnd - _position;
                if (_rawCopy is null || _rawCopy.Length < _rawLength)
                    _rawCopy = new byte[Math.Max(256, _rawLength * 2)];
                _buffer.AsSpan(_position, _rawLength).CopyTo(_rawCopy);
            }
            SplitQuoted(_position, recordEnd);
            _position = Math.Min(recordEnd + 1, _end);
            _searched = _quoteSearched = 0;
            _quoteSearchInQuotes = _inQuotedRecord = false;
            if (!IsBlank())
                return true;
        }
    }

    /// <summary>Disposes the stream.</summary>
    public void Dispose() => _stream.Dispose();

    private void Start()
    {
        _started = true;
        Refill();
        while (_end < 3 && !_endOfStream)
            Refill();
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            _position = 3;
    }

    private void Refill()
    {
        if (_position > 0)
        {
            _discarded += _position;
            Buffer.BlockCopy(_buffer, _position, _buffer, 0, _end - _position);
            _end -= _position;
            _position = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxRecordBytes)
                throw CsvErrors.LineTooLong(_source, _nextLine, _maxRecordBytes);
            Array.Resize(ref _buffer, (int)Math.Min(2L * _buffer.Length, _maxRecordBytes));
        }
        int read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _endOfStream = true;
        _end += read;
    }

    private void SplitUnquoted(int start, int end)
    {
        if (end > start && _buffer[end - 1] == (byte)'\r')
            end--;
        if (end > start && _buffer[start] is (byte)' ' or (byte)'\t'
            && _buffer.AsSpan(start, end - start).IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
            throw new DescentDataException(
                $"{_source}, line {Line} holds only spaces; delete the line, or write its values (an empty line is skipped).",
                _source, Line);
        int count = 0, fieldStart = start, p = start;
        _firstFieldQuoted = false;
        if (Vector256.IsHardwareAccelerated)
        {
            // 32 bytes at a time: a bit per delimiter, taken lowest first.
            var delimiters = Vector256.Create(_delimiter);
            ref byte data = ref MemoryMarshal.GetArrayDataReference(_buffer);
            for (; p + Vector256<byte>.Count <= end; p += Vector256<byte>.Count)
            {
                uint mask = Vector256.Equals(Vector256.LoadUnsafe(ref data, (nuint)p), delimiters).ExtractMostSignificantBits();
                for (; mask != 0; mask &= mask - 1)
                {
                    int fieldEnd = p + BitOperations.TrailingZeroCount(mask);
                    AddTrimmed(ref count, fieldStart, fieldEnd);
                    fieldStart = fieldEnd + 1;
                }
            }
        }
        for (; p < end; p++)
        {
            if (_buffer[p] == _delimiter)
            {
                AddTrimmed(ref count, fieldStart, p);
                fieldStart = p + 1;
            }
        }
        AddTrimmed(ref count, fieldStart, end);
        FieldCount = count;
    }

    /// <summary>
    /// Index of the '\n' that ends the record starting at <see cref="_position"/> (quotes toggled), or -1 when the
    /// block ends first; the search resumes where the previous call stopped.
    /// </summary>
    private int FindQuotedRecordEnd()
    {
        bool inQuotes = _quoteSearchInQuotes;
        for (int p = _position + _quoteSearched; p < _end; p++)
        {
            byte b = _buffer[p];
            if (b == (byte)'"')
                inQuotes = !inQuotes;
            else if (b == (byte)'\n' && !inQuotes)
                return p;
        }
        _quoteSearched = _end - _position;
        _quoteSearchInQuotes = inQuotes;
        return _endOfStream && !inQuotes ? _end : -1;
    }

    private void SplitQuoted(int start, int end)
    {
        if (end > start && _buffer[end - 1] == (byte)'\r')
            end--;
        int count = 0, p = start;
        _firstFieldQuoted = false;
        while (true)
        {
            int q = p;
            while (q < end && (_buffer[q] == (byte)' ' || _buffer[q] == (byte)'\t'))
                q++;
            if (q < end && _buffer[q] == (byte)'"')
            {
                int write = q + 1, read = q + 1, contentStart = q + 1;
                while (true)
                {
                    if (read >= end)
                        throw new DescentDataException(
                            $"{_source}, line {Line}, column {count + 1}: a quoted field is never closed; " +
                            "close the quote, or write a literal quote inside a quoted field as \"\".", _source, Line, count);
                    byte b = _buffer[read];
                    if (b == (byte)'"')
                    {
                        if (read + 1 < end && _buffer[read + 1] == (byte)'"')
                        {
                            _buffer[write++] = (byte)'"';
                            read += 2;
                            continue;
                        }
                        read++;
                        break;
                    }
                    if (b == (byte)'\n')
                        _nextLine++;
                    _buffer[write++] = b;
                    read++;
                }
                if (count == 0)
                    _firstFieldQuoted = true;
                Add(ref count, contentStart, write - contentStart);
                while (read < end && (_buffer[read] == (byte)' ' || _buffer[read] == (byte)'\t'))
                    read++;
                if (read < end && _buffer[read] != _delimiter)
                    throw new DescentDataException(
                        $"{_source}, line {Line}, column {count}: unexpected '{(char)_buffer[read]}' after a closing quote; " +
                        "a quoted field must end at a delimiter (write a literal quote inside quotes as \"\").",
                        _source, Line, count - 1);
                if (read >= end)
                    break;
                p = read + 1;
            }
            else
            {
                int delimiter = _buffer.AsSpan(p, end - p).IndexOf(_delimiter);
                int fieldEnd = delimiter < 0 ? end : p + delimiter;
                AddTrimmed(ref count, p, fieldEnd);
                if (delimiter < 0)
                    break;
                p = fieldEnd + 1;
            }
        }
        _nextLine++;
        FieldCount = count;
    }

    private void AddTrimmed(ref int count, int start, int end)
    {
        while (start < end && (_buffer[start] == (byte)' ' || _buffer[start] == (byte)'\t'))
            start++;
        while (end > start && (_buffer[end - 1] == (byte)' ' || _buffer[end - 1] == (byte)'\t'))
            end--;
        Add(ref count, start, end - start);
    }

    private void Add(ref int count, int start, int length)
    {
        if (count == _fieldStarts.Length)
        {
            Array.Resize(ref _fieldStarts, count * 2);
            Array.Resize(ref _fieldLengths, count * 2);
        }
        _fieldStarts[count] = start;
        _fieldLengths[count] = length;
        count++;
    }

    private bool IsBlank() => FieldCount == 1 && _fieldLengths[0] == 0 && !_firstFieldQuoted;
}
