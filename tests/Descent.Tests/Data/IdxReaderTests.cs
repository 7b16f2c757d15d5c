using System.Buffers.Binary;
using System.IO.Compression;
using Descent.Data;

namespace Descent.Tests.Data;

public class IdxReaderTests
{
    private static byte[] Idx(int magic, int[] dimensions, byte[] values)
    {
        var stream = new MemoryStream();
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, magic);
        stream.Write(word);
        foreach (int d in dimensions)
        {
            BinaryPrimitives.WriteInt32BigEndian(word, d);
            stream.Write(word);
        }
        stream.Write(values);
        return stream.ToArray();
    }

    private static byte[] Gzip(byte[] bytes)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(bytes);
        return output.ToArray();
    }

    private static string WriteTemp(byte[] bytes, string name)
    {
        string directory = Path.Combine(Path.GetTempPath(), "descent-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static readonly byte[] Pixels = Enumerable.Range(0, 2 * 3 * 4).Select(i => (byte)(i * 10)).ToArray();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_ReadsDimensionsAndValues_PlainOrGzipped(bool gzipped)
    {
        byte[] bytes = Idx(IdxReader.ImagesMagic, [2, 3, 4], Pixels);
        string path = WriteTemp(gzipped ? Gzip(bytes) : bytes, gzipped ? "images.gz" : "images");
        IdxArray images = IdxReader.ReadImages(path);
        Assert.Equal([2, 3, 4], images.Dimensions);
        Assert.Equal(2, images.Count);
        Assert.Equal(12, images.ItemSize);
        Assert.Equal(Pixels, images.Values);
    }

    [Fact]
    public void ReadLabels_ReadsOneDimension()
    {
        string path = WriteTemp(Gzip(Idx(IdxReader.LabelsMagic, [5], [9, 0, 0, 3, 0])), "labels.gz");
        IdxArray labels = IdxReader.ReadLabels(path);
        Assert.Equal([5], labels.Dimensions);
        Assert.Equal(new byte[] { 9, 0, 0, 3, 0 }, labels.Values);
    }

    [Fact]
    public void ReadLabels_OnAnImageFile_ReportsBothMagicNumbers()
    {
        string path = WriteTemp(Idx(IdxReader.ImagesMagic, [2, 3, 4], Pixels), "images");
        var error = Assert.Throws<DescentDataException>(() => IdxReader.ReadLabels(path));
        Assert.Contains("magic number is 0x00000803, expected 0x00000801", error.Message);
        Assert.Equal(path, error.File);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_TruncatedData_SaysHowManyBytesArePromisedAndPresent(bool gzipped)
    {
        byte[] bytes = Idx(IdxReader.ImagesMagic, [2, 3, 4], Pixels)[..^5];
        string path = WriteTemp(gzipped ? Gzip(bytes) : bytes, "cut");
        var error = Assert.Throws<DescentDataException>(() => IdxReader.ReadImages(path));
        Assert.Contains("is truncated: its header promises 2×3×4 = 24 bytes of data, but only 19 follow", error.Message);
    }

    [Fact]
    public void Read_TruncatedHeader_SaysWhere()
    {
        string path = WriteTemp(Idx(IdxReader.ImagesMagic, [2, 3, 4], [])[..10], "header");
        var error = Assert.Throws<DescentDataException>(() => IdxReader.ReadImages(path));
        Assert.Contains("is truncated: it ends inside dimension 2 of 3 in the header", error.Message);
        path = WriteTemp([0, 0], "tiny");
        error = Assert.Throws<DescentDataException>(() => IdxReader.ReadImages(path));
        Assert.Contains("ends inside the 4-byte magic number", error.Message);
    }

    [Fact]
    public void Read_ExtraBytes_AreAnError()
    {
        string path = WriteTemp(Idx(IdxReader.LabelsMagic, [2], [1, 2, 3]), "extra");
        var error = Assert.Throws<DescentDataException>(() => IdxReader.ReadLabels(path));
        Assert.Contains("bytes after the 2 values", error.Message);
    }

    [Fact]
    public void Read_CorruptGzip_IsADataError()
    {
        byte[] gzip = Gzip(Idx(IdxReader.LabelsMagic, [200], new byte[200]));
        for (int i = 12; i < gzip.Length - 8; i++)
            gzip[i] ^= 0x5A;
        string path = WriteTemp(gzip, "corrupt.gz");
        var error = Assert.Throws<DescentDataException>(() => IdxReader.ReadLabels(path));
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void FashionMnist_LoadsFromADirectoryOfIdxFiles()
    {
        string directory = Path.GetDirectoryName(WriteTemp([], "placeholder"))!;
        byte[] images = Enumerable.Range(0, 3 * 28 * 28).Select(i => (byte)(i % 256)).ToArray();
        foreach (string prefix in new[] { "train", "t10k" })
        {
            File.WriteAllBytes(Path.Combine(directory, $"{prefix}-images-idx3-ubyte.gz"), Gzip(Idx(IdxReader.ImagesMagic, [3, 28, 28], images)));
            File.WriteAllBytes(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte.gz"), Gzip(Idx(IdxReader.LabelsMagic, [3], [9, 0, 3])));
        }
        Assert.True(FashionMnist.IsInstalled(directory));
        Dataset data = FashionMnist.Load(train: true, directory);
        Assert.Equal(3, data.Rows);
        Assert.Equal(784, data.FeatureCount);
        Assert.Equal("p783", data.FeatureNames[^1]);
        Assert.Equal(new double[] { 9, 0, 3 }, data.Target);
        Assert.Equal(["9", "0", "3"], data.TargetLabels!);
        Assert.Equal(images[784 + 5], data.Features[1, 5]);
        // Loaded by name (Datasets.Load("fashion-mnist")), the labels are the class names.
        var named = FashionMnist.LoadForOptions(train: true, null, directory);
        Assert.Equal(["Ankle boot", "T-shirt/top", "Dress"], named.TargetLabels!);
        Assert.Equal(new double[] { 9, 0, 3 }, named.Target);
    }

    [Fact]
    public void FashionMnist_WhenMissing_SaysHowToInstall()
    {
        string directory = Path.GetDirectoryName(WriteTemp([], "placeholder"))!;
        Assert.False(FashionMnist.IsInstalled(directory));
        var error = Assert.Throws<DescentDataException>(() => FashionMnist.Load(true, directory));
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message);
    }
}
