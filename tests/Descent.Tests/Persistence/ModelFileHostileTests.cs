using System.Text;
using Descent.Persistence;

namespace Descent.Tests.Persistence;

/// <summary>
/// What is not a model file is refused after reading little of it, whatever its size (a device that never ends, a
/// file of gigabytes); the reader never holds more than the file's values need. Measured by outcome: the bytes the
/// reader asked for, not the clock.
/// </summary>
public sealed class ModelFileHostileTests
{
    /// <summary>A stream that never ends, made of <paramref name="fill"/>'s bytes after an optional prefix; it counts what is read.</summary>
    private sealed class EndlessStream(byte[] prefix, Func<long, byte> fill) : Stream
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++, BytesRead++)
                buffer[offset + i] = BytesRead < prefix.Length ? prefix[BytesRead] : fill(BytesRead);
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static DescentDataException Refused(EndlessStream stream, long maxBytesRead, int maxValueBytes = 1 << 20)
    {
        var e = Assert.Throws<DescentDataException>(() => ModelFile.Read(stream, "endless", maxValueBytes));
        Assert.True(stream.BytesRead <= maxBytesRead, $"read {stream.BytesRead} bytes before refusing");
        return e;
    }

    [Fact]
    public void Zeros_AsFromDevZero_AreRefusedAtOnce()
    {
        var e = Refused(new EndlessStream([], _ => 0), 1 << 16);
        Assert.StartsWith("endless: not a Descent model file, or a damaged one: invalid JSON", e.Message);
    }

    [Fact]
    public void RandomBytes_AsFromDevUrandom_AreRefusedAtOnce()
    {
        var random = new Descent.Numerics.Random.Rng(3);
        var e = Refused(new EndlessStream([], _ => (byte)random.NextInt(256)), 1 << 16);
        Assert.StartsWith("endless: not a Descent model file", e.Message);
    }

    [Fact]
    public void EndlessWhitespace_IsRefusedAfterAMebibyte()
    {
        var e = Refused(new EndlessStream([], _ => (byte)' '), ModelJsonParser.MaxLeadingBytes + (1 << 16));
        Assert.Equal("endless: not a Descent model file (no JSON object starts in its first 1 MiB).", e.Message);
    }

    [Theory]
    [InlineData("[1, 2, ", "expected a JSON object")]
    [InlineData("{\"kind\": \"linear\", \"data\": [", "it does not begin with \"format\": \"descent-model\"")]
    [InlineData("{\"format\": \"other\", \"data\": [", "its \"format\" field is not \"descent-model\"")]
    public void OtherJson_IsRefusedAtItsFirstField(string prefix, string reason)
    {
        var e = Refused(new EndlessStream(Encoding.UTF8.GetBytes(prefix), _ => (byte)'1'), 1 << 16);
        Assert.Equal($"endless: not a Descent model file ({reason}).", e.Message);
    }

    [Fact]
    public void AValueLongerThanTheLimit_IsRefusedWithoutGrowingFurther()
    {
        var prefix = Encoding.UTF8.GetBytes("{\"format\": \"descent-model\", \"formatVersion\": 2, \"kind\": \"");
        var e = Refused(new EndlessStream(prefix, _ => (byte)'a'), 2 << 20);
        Assert.Equal("endless: a single value in the file is longer than 1 MiB; this is not a model file Descent wrote.", e.Message);
    }

    [Fact]
    public void AFileOfGigabytes_IsRefusedAfterItsFirstBytes()
    {
        string path = Path.Combine(Path.GetTempPath(), $"descent-huge-{Environment.ProcessId}.json");
        try
        {
            using (var file = new FileStream(path, FileMode.Create))
            {
                file.Write("{\"format\": \"descent-model\", \"formatVersion\": 2, \"kind\": \"linear\""u8);
                file.SetLength(1_100_000_000); // sparse: the rest reads as zeros and takes no disk
            }
            var e = Assert.Throws<DescentDataException>(() => ModelFile.Load(path));
            Assert.StartsWith(path + ": not a Descent model file, or a damaged one: invalid JSON", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{\"format\": \"descent-model\", \"formatVersion\": 1, \"kind\": \"linear\", \"kind\": \"ridge\"}", "field 'kind' appears twice")]
    [InlineData("{\"format\": \"descent-model\", \"formatVersion\": 1} {}", "invalid JSON (Content follows the end of the model's JSON object.)")]
    [InlineData("{}", "not a Descent model file (an empty JSON object)")]
    [InlineData("\"descent-model\"", "not a Descent model file (expected a JSON object)")]
    [InlineData("{\"format\": \"descent-model\", \"formatVersion\": 3}", "model format version 3 is not supported; this Descent reads versions 1 to 2. Upgrade Descent to read it.")]
    [InlineData("{\"format\": \"descent-model\", \"formatVersion\": 0}", "model format version 0 is not supported; this Descent reads versions 1 to 2. Fit the model again.")]
    public void SmallDocuments_AreRefusedNamingTheProblem(string json, string expected)
    {
        var e = Assert.Throws<DescentDataException>(() => ModelFile.FromJson(json, "m.json"));
        Assert.StartsWith("m.json: ", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
