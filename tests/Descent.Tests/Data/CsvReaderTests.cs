using System.Text;
using Descent.Data;

namespace Descent.Tests.Data;

public class CsvReaderTests
{
    private static Dataset Read(string content, CsvReadOptions? options = null, bool byteOrderMark = false)
    {
        using var file = new CsvTestFile(content, byteOrderMark: byteOrderMark);
        return CsvReader.Read(file.Path, options);
    }

    private static DescentDataException ReadFails(string content, CsvReadOptions? options = null)
    {
        using var file = new CsvTestFile(content);
        var error = Assert.Throws<DescentDataException>(() => CsvReader.Read(file.Path, options));
        Assert.Equal(file.Path, error.File);
        Assert.StartsWith(file.Path, error.Message);
        return error;
    }

    [Fact]
    public void Read_ParsesFeaturesAndNumericTarget()
    {
        var data = Read("a,b,y\n1,2.5,10\n-3,4e2,20\n", new CsvReadOptions { Target = "y" });
        Assert.Equal(["a", "b"], data.FeatureNames);
        Assert.Equal("y", data.TargetName);
        Assert.Equal(new double[] { 1, 2.5, -3, 400 }, data.Features.ToArray());
        Assert.Equal(new double[] { 10, 20 }, data.Target);
        Assert.Equal(["10", "20"], data.TargetLabels!);
    }

    [Fact]
    public void Read_KeepsClassLabelsExactlyAsWritten()
    {
        var data = Read("x,label\n1,setosa\n2,\"vir,ginica\"\n3, setosa \n4,3.0\n", new CsvReadOptions { Target = "label" });
        Assert.Null(data.Target);
        Assert.Equal(["setosa", "vir,ginica", "setosa", "3.0"], data.TargetLabels!);
        Assert.Equal(["3.0", "setosa", "vir,ginica"], data.RequireClassLabels().Classes.Select(c => c.Text));
    }

    [Fact]
    public void Read_HandlesQuotedNumbersCrlfBomAndBlankLines()
    {
        var data = Read("\"a\",\"b \"\"2\"\"\"\r\n\"1.5\",2\r\n\r\n 3 , \"-4\" \r\n", byteOrderMark: true);
        Assert.Equal(["a", "b \"2\""], data.FeatureNames);
        Assert.Equal(new double[] { 1.5, 2, 3, -4 }, data.Features.ToArray());
        Assert.Null(data.TargetName);
    }

    [Fact]
    public void Read_AcceptsALastLineWithoutNewline_AndQuotedLineBreaks()
    {
        var data = Read("x,note\n1,\"two\nlines\"\n2,plain", new CsvReadOptions { Target = "note" });
        Assert.Equal(new double[] { 1, 2 }, data.Features.ToArray());
        Assert.Equal(["two\nlines", "plain"], data.TargetLabels!);
    }

    [Fact]
    public void Read_SelectsFeaturesByNameInTheOrderGiven_AndSkipsTextColumnsNotSelected()
    {
        var data = Read("id,a,b,c,y\nrow1,1,2,3,0\nrow2,4,5,6,1\n",
            new CsvReadOptions { Target = "y", Features = ["c", "a"] });
        Assert.Equal(["c", "a"], data.FeatureNames);
        Assert.Equal(new double[] { 3, 1, 6, 4 }, data.Features.ToArray());
    }

    [Fact]
    public void Read_UsesTheLastColumnAsTargetWhenAsked()
    {
        var data = Read("a,b,y\n1,2,3\n", new CsvReadOptions { LastColumnIsTarget = true });
        Assert.Equal("y", data.TargetName);
        Assert.Equal(["a", "b"], data.FeatureNames);
    }

    [Fact]
    public void Read_StreamsRowsAcrossBufferBoundaries_WithCorrectValues()
    {
        var text = new StringBuilder("x,y,label\n");
        var rng = new Random(3);
        var expected = new List<double>();
        int rows = 60_000;   // ~2.4 MB: several 1 MB blocks, records split across them
        for (int i = 0; i < rows; i++)
        {
            double x = rng.NextDouble() * 1000 - 500, y = rng.NextDouble();
            expected.Add(x);
            expected.Add(y);
            text.Append(x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(y.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(i % 3 == 0 ? "\"a\"" : "b").Append('\n');
        }
        var data = Read(text.ToString(), new CsvReadOptions { Target = "label" });
        Assert.Equal(rows, data.Rows);
        Assert.Equal(expected, data.Features.ToArray());
        Assert.Equal(rows / 3, data.TargetLabels!.Count(l => l == "a"));
    }

    [Fact]
    public void Read_RegressionTargetWithManyDistinctValues_DropsTextButKeepsNumbers()
    {
        var text = new StringBuilder("x,y\n");
        int rows = CsvReader.MaxDistinctNumericLabels + 10;
        for (int i = 0; i < rows; i++)
            text.Append(i).Append(',').Append(i * 0.5).Append('\n');
        var data = Read(text.ToString(), new CsvReadOptions { Target = "y" });
        Assert.Null(data.TargetLabels);
        Assert.Equal(rows, data.Target!.Length);
        Assert.Equal((rows - 1) * 0.5, data.Target[^1]);
    }

    [Fact]
    public void Read_NonNumericValue_NamesFileLineAndColumn()
    {
        var error = ReadFails("a,b,c\n1,2,3\n4,n/a,6\n");
        Assert.Equal(3, error.Row);
        Assert.Equal(1, error.Column);
        Assert.Equal("b", error.ColumnName);
        Assert.Contains("line 3, column 2 'b': 'n/a' is not a number", error.Message);
    }

    [Fact]
    public void Read_RaggedRow_NamesLineAndCounts()
    {
        var error = ReadFails("a,b,c\n1,2,3\n4,5\n");
        Assert.Equal(3, error.Row);
        Assert.Contains("line 3: 2 fields but the header has 3", error.Message);
    }

    [Fact]
    public void Read_EmptyFile_SaysSo()
    {
        var error = ReadFails("");
        Assert.Contains("is empty", error.Message);
    }

    [Fact]
    public void Read_HeaderOnly_SaysThereAreNoRows()
    {
        var error = ReadFails("a,b,c\n");
        Assert.Contains("has a header (3 columns) but no data rows", error.Message);
    }

    [Fact]
    public void Read_DuplicateColumnNames_NameBothPositions()
    {
        var error = ReadFails("a,b,a\n1,2,3\n");
        Assert.Equal(1, error.Row);
        Assert.Equal(2, error.Column);
        Assert.Contains("line 1: the column name 'a' appears twice (columns 1 and 3)", error.Message);
    }

    [Fact]
    public void Read_MissingTarget_ListsColumnsAndSuggests()
    {
        var error = ReadFails("sepal,species\n1,0\n", new CsvReadOptions { Target = "specie" });
        Assert.Equal("specie", error.ColumnName);
        Assert.Contains("has no column 'specie' (the target) (did you mean 'species'?); its columns are 'sepal', 'species'", error.Message);
    }

    [Fact]
    public void Read_MissingFeature_NamesIt()
    {
        var error = ReadFails("a,b,y\n1,2,0\n", new CsvReadOptions { Target = "y", Features = ["a", "z"] });
        Assert.Contains("has no column 'z' (the feature)", error.Message);
    }

    [Theory]
    [InlineData("1,,3", "the cell is empty")]
    [InlineData("1,NaN,3", "'NaN' is a missing or infinite value")]
    [InlineData("1,inf,3", "'inf' is a missing or infinite value")]
    [InlineData("1,-Infinity,3", "'-Infinity' is a missing or infinite value")]
    public void Read_MissingOrInfiniteFeature_NamesCellAndSuggestsDropOrImpute(string row, string what)
    {
        var error = ReadFails($"a,b,c\n1,2,3\n{row}\n");
        Assert.Equal(3, error.Row);
        Assert.Equal(1, error.Column);
        Assert.Contains($"line 3, column 2 'b': {what} in a feature column", error.Message);
        Assert.Contains("drop those rows or impute", error.Message);
    }

    [Fact]
    public void Read_EmptyTarget_NamesCell()
    {
        var error = ReadFails("a,y\n1,0\n2,\n", new CsvReadOptions { Target = "y" });
        Assert.Contains("line 3, column 2 'y': the cell is empty in a target column", error.Message);
        Assert.Contains("drop the rows whose target is missing", error.Message);
        Assert.DoesNotContain("mean", error.Message);   // a text label has no mean
    }

    [Fact]
    public void RequireNumericTarget_NamesFirstNonNumericCell()
    {
        using var file = new CsvTestFile("a,y\n1,2.5\n2,big\n3,small\n");
        var data = CsvReader.Read(file.Path, new CsvReadOptions { Target = "y" });
        var error = Assert.Throws<DescentDataException>(() => data.RequireNumericTarget());
        Assert.Equal(3, error.Row);
        Assert.Contains($"{file.Path}, line 3, column 2 'y': the target 'big' is not a number", error.Message);
    }

    [Fact]
    public void Read_UnclosedQuote_NamesLine()
    {
        var error = ReadFails("a,b\n1,2\n3,\"4\n");
        Assert.Equal(3, error.Row);
        Assert.Contains("line 3", error.Message);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_IsAnError()
    {
        var error = ReadFails("a,b\n\"1\"x,2\n");
        Assert.Contains("line 2, column 1: unexpected 'x' after a closing quote", error.Message);
    }

    [Fact]
    public void Read_TargetAlsoListedAsFeature_IsAnError()
    {
        var error = ReadFails("a,y\n1,2\n", new CsvReadOptions { Target = "y", Features = ["a", "y"] });
        Assert.Contains("'y' is both the target and a feature", error.Message);
    }

    [Fact]
    public void Read_EmptyColumnName_IsAnError()
    {
        var error = ReadFails("a,,c\n1,2,3\n");
        Assert.Contains("line 1, column 2: the column has no name", error.Message);
    }

    [Fact]
    public void Read_LineNumbersCountBlankLinesAndQuotedLineBreaks()
    {
        var error = ReadFails("a,b\n\n1,\"x\ny\"\n\n2,zz\n", new CsvReadOptions { Features = ["a", "b"] });
        Assert.Equal(3, error.Row);   // the record starting on line 3 holds the first bad value
        error = ReadFails("a,b\n1,\"x\ny\"\n\nbad,2\n", new CsvReadOptions { Features = ["a"] });
        Assert.Equal(5, error.Row);   // header 1, record on lines 2-3, blank 4, 'bad' on 5
        Assert.Contains("no data rows", ReadFails("a,b\n\n\n").Message);
    }

    [Fact]
    public void Read_FromStream_NamesTheSource()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("a\nx\n"));
        var error = Assert.Throws<DescentDataException>(() => CsvReader.Read(stream, "upload.csv"));
        Assert.StartsWith("upload.csv, line 2, column 1 'a'", error.Message);
    }
}
