using System.Globalization;
using System.Text;
using Descent.Data;

namespace Descent.Tests.Data;

/// <summary>The block-parallel CSV path must give exactly what the sequential path gives: values, labels, errors.</summary>
public class ParallelCsvTests
{
    private static Dataset ReadWith(string path, int? blockSize, CsvReadOptions options) =>
        CsvReader.Read(File.OpenRead(path), path, options, blockSize);

    private static string MessyCsv(int rows, int badLine = -1)
    {
        var rng = new Random(21);
        var text = new StringBuilder("a,\"b, quoted\",c,label\r\n");
        int line = 2;
        for (int i = 0; i < rows; i++)
        {
            if (i % 97 == 0)
            {
                text.Append("\r\n");   // blank line
                line++;
            }
            string a = (rng.NextDouble() * 1e6 - 5e5).ToString("R", CultureInfo.InvariantCulture);
            string b = line == badLine ? "oops" : rng.Next(1000).ToString(CultureInfo.InvariantCulture);
            string c = $"\"{rng.NextDouble().ToString("E10", CultureInfo.InvariantCulture)}\"";
            bool multiLine = i % 53 == 0;
            string label = multiLine ? "\"two\nlines, \"\"quoted\"\"\"" : i % 3 == 0 ? "cat" : " dog ";
            text.Append(a).Append(',').Append(b).Append(',').Append(c).Append(',').Append(label).Append("\r\n");
            line += multiLine ? 2 : 1;
        }
        return text.ToString();
    }

    [Theory]
    [InlineData(16)]
    [InlineData(200)]
    [InlineData(1000)]
    [InlineData(50_000)]
    public void ParallelBlocks_GiveTheSameDatasetAsSequentialReading(int blockSize)
    {
        using var file = new CsvTestFile(MessyCsv(3000));
        var options = new CsvReadOptions { Target = "label" };
        Dataset sequential = ReadWith(file.Path, null, options);
        Dataset parallel = ReadWith(file.Path, blockSize, options);
        Assert.Equal(3000, parallel.Rows);
        Assert.Equal(sequential.FeatureNames, parallel.FeatureNames);
        Assert.Equal(sequential.Features.ToArray(), parallel.Features.ToArray());
        Assert.Equal(sequential.TargetLabels!, parallel.TargetLabels!);
        Assert.Contains("two\nlines, \"quoted\"", parallel.TargetLabels!);
        Assert.Equal(sequential.RequireClassLabels().Classes, parallel.RequireClassLabels().Classes);
    }

    [Fact]
    public void ParallelBlocks_ReportTheSameFirstErrorAsSequentialReading()
    {
        using var file = new CsvTestFile(MessyCsv(3000, badLine: 2500));
        var options = new CsvReadOptions { Target = "label" };
        var sequential = Assert.Throws<DescentDataException>(() => ReadWith(file.Path, null, options));
        var parallel = Assert.Throws<DescentDataException>(() => ReadWith(file.Path, 700, options));
        Assert.Equal(2500, sequential.Row);
        Assert.Equal(sequential.Message, parallel.Message);
        Assert.Contains("line 2500, column 2 'b, quoted': 'oops' is not a number", parallel.Message);
    }

    [Fact]
    public void ParallelBlocks_NumericTargetAndFirstNonNumericCell_MatchSequential()
    {
        var text = new StringBuilder("x,y\n");
        for (int i = 0; i < 5000; i++)
            text.Append(i).Append(',').Append(i == 4321 ? "n/a?" : (i * 0.25).ToString(CultureInfo.InvariantCulture)).Append('\n');
        using var file = new CsvTestFile(text.ToString());
        var options = new CsvReadOptions { Target = "y" };
        Dataset parallel = ReadWith(file.Path, 512, options);
        Assert.Null(parallel.Target);
        var error = Assert.Throws<DescentDataException>(() => parallel.RequireNumericTarget());
        Assert.Equal(4323, error.Row);
        Assert.Equal(ReadWith(file.Path, null, options).TargetLabels!, parallel.TargetLabels!);
    }
}
