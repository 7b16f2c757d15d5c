using Descent.Data;
using Descent.Numerics;

namespace Descent.Tests.Data;

public class CsvWriterTests
{
    [Fact]
    public void Write_ThenRead_GivesBackEveryDoubleBitForBit_AndLabelsAsWritten()
    {
        var rng = new Random(8);
        var values = new double[40 * 3];
        for (int i = 0; i < values.Length; i++)
            values[i] = BitConverter.Int64BitsToDouble(rng.NextInt64() & 0x7FEF_FFFF_FFFF_FFFF) * (i % 2 == 0 ? 1 : -1);
        string[] labels = Enumerable.Range(0, 40).Select(i => i % 3 == 0 ? "a, \"quoted\"" : i % 3 == 1 ? " padded " : "3.0").ToArray();
        var data = new Dataset(Matrix.Wrap(values, 40, 3), ["x", "y,z", "w"], "label", null, labels);

        using var file = new CsvTestFile("");
        using (var stream = File.Create(file.Path))
            CsvWriter.Write(data, stream);
        Dataset back = CsvReader.Read(file.Path, new CsvReadOptions { Target = "label" });

        Assert.Equal(data.FeatureNames, back.FeatureNames);
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), back.Features.ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(labels, back.TargetLabels!);
    }
}
