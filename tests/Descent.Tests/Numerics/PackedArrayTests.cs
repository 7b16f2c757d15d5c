using System.IO.Compression;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.Numerics;

/// <summary>Packed arrays give every value back bit for bit, in the narrowest exact type, and refuse sizes or bytes that lie.</summary>
public class PackedArrayTests
{
    private static long[] Bits(double[] values) => Array.ConvertAll(values, BitConverter.DoubleToInt64Bits);

    [Fact]
    public void Doubles_RoundTripBitForBit_IncludingSpecialValues()
    {
        var rng = new Rng(5);
        var values = new double[1000];
        for (int i = 0; i < values.Length; i++)
            values[i] = rng.NextNormal() * Math.Pow(10, rng.NextInt(40) - 20);
        double[] special = [0.0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, double.PositiveInfinity,
            double.NegativeInfinity, double.NaN, BitConverter.Int64BitsToDouble(0x7FF8_0000_0000_1234), 1e-310, 0.1 + 0.2];
        special.CopyTo(values, 0);
        PackedArray packed = PackedArray.Pack(values);
        Assert.Equal("float64", packed.Type);
        Assert.Equal(values.Length, packed.Count);
        Assert.Equal(Bits(values), Bits(packed.ToDoubles()));
    }

    [Theory]
    [InlineData(new[] { 0.0, 1.0, -5.0, 127.0, -128.0 }, "int8")]
    [InlineData(new[] { 0.0, 128.0 }, "int16")]
    [InlineData(new[] { -32768.0, 32767.0 }, "int16")]
    [InlineData(new[] { 1.0, 70000.0 }, "int32")]
    [InlineData(new[] { 1.0, 2147483647.0, -2147483648.0 }, "int32")]
    [InlineData(new[] { 1.0, 2147483648.0 }, "float64")]
    [InlineData(new[] { 1.0, 2.5 }, "float64")]
    [InlineData(new[] { 1.0, -0.0 }, "float64")]
    [InlineData(new[] { 1.0, double.NaN }, "float64")]
    [InlineData(new double[0], "int8")]
    public void WholeDoubles_AreStoredAsTheNarrowestIntegerType_AndComeBackExactly(double[] values, string type)
    {
        PackedArray packed = PackedArray.Pack(values);
        Assert.Equal(type, packed.Type);
        Assert.Equal(Bits(values), Bits(packed.ToDoubles()));
    }

    [Fact]
    public void IntegersAndFloats_RoundTrip_InTheirTypes()
    {
        int[] integers = [0, -1, 5, int.MaxValue, int.MinValue];
        PackedArray packed = PackedArray.Pack(integers);
        Assert.Equal("int32", packed.Type);
        Assert.Equal(integers, packed.ToIntegers());
        Assert.Equal("int8", PackedArray.Pack([-1, 0, 29]).Type);
        float[] floats = [1.5f, -0.0f, float.MaxValue, float.Epsilon, float.NaN];
        PackedArray packedFloats = PackedArray.Pack(floats);
        Assert.Equal("float32", packedFloats.Type);
        Assert.Equal(Array.ConvertAll(floats, BitConverter.SingleToInt32Bits), Array.ConvertAll(packedFloats.ToFloats(), BitConverter.SingleToInt32Bits));
        Assert.Equal(Array.ConvertAll(floats, f => (double)f), packedFloats.ToDoubles());
    }

    [Fact]
    public void Compression_IsUsedOnlyWhenItMakesTheBytesSmaller()
    {
        var zeros = new double[10_000];
        zeros[7] = 0.5;
        PackedArray sparse = PackedArray.Pack(zeros);
        Assert.True(sparse.IsCompressed);
        Assert.True(sparse.Bytes.Length < 1000, $"{sparse.Bytes.Length} bytes");
        Assert.Equal(zeros, sparse.ToDoubles());

        var rng = new Rng(1);
        var noise = new double[1000];
        for (int i = 0; i < noise.Length; i++)
            noise[i] = BitConverter.Int64BitsToDouble((long)rng.NextUInt64()); // random bits do not compress
        PackedArray dense = PackedArray.Pack(noise);
        Assert.False(dense.IsCompressed);
        Assert.Equal(8000, dense.Bytes.Length);
        Assert.Equal(Bits(noise), Bits(dense.ToDoubles()));
    }

    [Theory]
    [InlineData("float64", 4, false, 31, "is cut short: it holds 31 bytes, but 4 float64 values need 32")]
    [InlineData("int16", 4, false, 9, "holds 9 bytes, more than the 8 that 4 int16 values need")]
    [InlineData("float128", 1, false, 16, "has the type 'float128'; the types are float64, float32, int32, int16, int8")]
    [InlineData("float64", 100_000_000, true, 10, "declares 100000000 values, more than its 10 bytes of zlib data can hold")]
    public void FromStored_RefusesSizesThatDisagree_BeforeAllocatingThem(string type, int count, bool compressed, int bytes, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => PackedArray.FromStored(type, count, compressed, new byte[bytes]));
        Assert.Equal(expected, e.Message);
    }

    private static byte[] Zlib(byte[] raw)
    {
        var packed = new MemoryStream();
        using (var zlib = new ZLibStream(packed, CompressionLevel.Optimal))
            zlib.Write(raw);
        return packed.ToArray();
    }

    [Fact]
    public void DamagedOrShortZlibData_IsRefusedWhenUnpacked()
    {
        byte[] raw = new byte[800];
        for (int i = 0; i < raw.Length; i++)
            raw[i] = (byte)(i % 7);
        byte[] good = Zlib(raw);
        Assert.Equal(100, PackedArray.FromStored("float64", 100, true, good).ToDoubles().Length);

        byte[] damaged = (byte[])good.Clone();
        damaged[^2] ^= 0xFF; // the Adler-32 checksum
        var e = Assert.Throws<InvalidDataException>(() => PackedArray.FromStored("float64", 100, true, damaged).ToDoubles());
        Assert.StartsWith("is not valid zlib data", e.Message);

        e = Assert.Throws<InvalidDataException>(() => PackedArray.FromStored("float64", 101, true, good).ToDoubles());
        Assert.Equal("is cut short: its zlib data holds 800 bytes, but 101 float64 values need 808", e.Message);
        e = Assert.Throws<InvalidDataException>(() => PackedArray.FromStored("float64", 99, true, good).ToDoubles());
        Assert.Equal("holds more zlib data than the 792 bytes that 99 float64 values need", e.Message);
        Assert.Throws<InvalidDataException>(() => PackedArray.FromStored("float64", 100, true, good[..(good.Length / 2)]).ToDoubles());
    }

    [Fact]
    public void TypedReads_RefuseAnotherType()
    {
        var e = Assert.Throws<InvalidDataException>(() => PackedArray.Pack([0.5]).ToIntegers());
        Assert.Equal("holds float64 values where whole numbers (int8, int16 or int32) are expected", e.Message);
        e = Assert.Throws<InvalidDataException>(() => PackedArray.Pack([1, 2]).ToFloats());
        Assert.Equal("holds int8 values where float32 values are expected", e.Message);
    }
}
