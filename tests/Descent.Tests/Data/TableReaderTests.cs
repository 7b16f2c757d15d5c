using Descent.Data;

namespace Descent.Tests.Data;

public class TableReaderTests
{
    private static Table Read(string content, TableReadOptions? options = null)
    {
        using var file = new CsvTestFile(content);
        return TableReader.Read(file.Path, options);
    }

    private static DescentDataException Fails(string content, TableReadOptions? options = null)
    {
        using var file = new CsvTestFile(content);
        return Assert.Throws<DescentDataException>(() => TableReader.Read(file.Path, options));
    }

    [Fact]
    public void Read_InfersNumbersCategoriesAndDates_WithMissingCells()
    {
        var table = Read("id,age,city,signup,y\n1,31,Paris,2024-03-31,a\n2,,NA,,b\n3,40.5,Lyon,2023-01-02T10:30:00,a\n",
            new TableReadOptions { Target = "y" });
        Assert.Equal(["id", "age", "city", "signup"], table.ColumnNames);
        var age = Assert.IsType<NumericColumn>(table["age"]);
        Assert.Equal([31, double.NaN, 40.5], age.Values.ToArray());
        var city = Assert.IsType<CategoricalColumn>(table["city"]);
        Assert.Equal(["Paris", "Lyon"], city.Categories);
        Assert.Equal([0, -1, 1], city.Codes.ToArray());
        var signup = Assert.IsType<DateColumn>(table["signup"]);
        Assert.Equal(new DateTime(2024, 3, 31), signup[0]);
        Assert.Null(signup[1]);
        Assert.Equal(new DateTime(2023, 1, 2, 10, 30, 0), signup[2]);
        Assert.Equal(["a", "b", "a"], table.TargetLabels!);
        Assert.Equal(3, table.LineOf(1));
    }

    [Theory]
    [InlineData("a;b;y\n1,5;2;0\n", ',', ';')]
    [InlineData("a\tb\ty\n1\t2\t0\n", '.', '\t')]
    [InlineData("a|b|y\n1|2|0\n", '.', '|')]
    [InlineData("\"a;b\",c,y\n1,2,0\n", '.', ',')]
    public void Read_DetectsTheDelimiterFromTheHeader(string content, char decimalSeparator, char expected)
    {
        Assert.Equal(expected, TableReader.Detect(System.Text.Encoding.UTF8.GetBytes(content.Split('\n')[0]), decimalSeparator));
        var table = Read(content, new TableReadOptions { Target = "y", Decimal = decimalSeparator });
        Assert.Equal(2, table.Columns.Count);
    }

    [Fact]
    public void Read_DecimalCommaAndThousands()
    {
        var table = Read("a;b;y\n\"1.234,5\";2;0\n-3,25;4;1\n", new TableReadOptions { Target = "y", Decimal = ',', Thousands = '.' });
        Assert.Equal([1234.5, -3.25], ((NumericColumn)table["a"]).Values.ToArray());
        table = Read("income,y\n\"41,522.72\",0\n\"1,000,000\",1\n", new TableReadOptions { Target = "y", Thousands = ',' });
        Assert.Equal([41522.72, 1e6], ((NumericColumn)table["income"]).Values.ToArray());
    }

    [Fact]
    public void Read_ThousandsSeparatorWithoutTheOption_IsAnErrorNamingTheCell()
    {
        var error = Fails("income,y\n12.5,0\n\"41,522.72\",1\n", new TableReadOptions { Target = "y" });
        Assert.EndsWith("line 3, column 1 'income': '41,522.72' is a number written with ',' as a thousands separator. " +
            "Set TableReadOptions.Thousands = ','.", error.Message);
        Assert.Equal(3, error.Row);
    }

    [Fact]
    public void Read_MixedNumbersAndText_IsAnErrorNamingTheFirstTextCell()
    {
        Assert.Contains("line 3, column 2 'b': 'abc' is not a number, but the column's other cells are numbers",
            Fails("a,b\n1,2\n3,abc\n").Message);
        Assert.Contains("line 2, column 2 'b': 'x' is not a number, but other cells of the column are numbers (line 4: '7')",
            Fails("a,b\n1,x\n2,y\n3,7\n").Message);
    }

    [Fact]
    public void Read_InvalidDate_IsAnError()
    {
        Assert.Contains("line 3, column 1 'd': '2024-02-30' is not a valid date", Fails("d,y\n2024-02-28,1\n2024-02-30,2\n").Message);
    }

    [Fact]
    public void Read_CollectIssues_RecordsEachColumnsFirstProblemAndGoesOn()
    {
        var table = Read("a,b,c,d\n1,2,x,2024-01-01\nzz,\"3,000\",7,oops\n4,5,y,\n",
            new TableReadOptions { CollectIssues = true });
        Assert.Equal([TableIssueKind.MixedNumbersAndText, TableIssueKind.ThousandsSeparator, TableIssueKind.MixedNumbersAndText, TableIssueKind.BadDate],
            table.Issues.OrderBy(i => i.Column).Select(i => i.Kind));
        Assert.Equal(ColumnKind.Category, table["a"].Kind);
        Assert.Equal(["1", "zz", "4"], Enumerable.Range(0, 3).Select(table["a"].Text));
        Assert.Equal([2, 3000, 5], ((NumericColumn)table["b"]).Values.ToArray());
    }

    [Fact]
    public void Read_NamedCategoricalColumns_KeepNumbersAsWritten_AndNoneRefusesText()
    {
        var table = Read("zip,y\n01234,0\n75001,1\n", new TableReadOptions { Target = "y", CategoricalColumns = ["zip"] });
        Assert.Equal(["01234", "75001"], ((CategoricalColumn)table["zip"]).Categories);
        Assert.Contains("'Paris' is not a number, and the column is not categorical",
            Fails("city,y\nParis,0\n", new TableReadOptions { Target = "y", CategoricalColumns = [] }).Message);
    }

    [Fact]
    public void Read_ExcludeAndOneColumnDelimiter()
    {
        var table = Read("id,a,y\n1,2,0\n", new TableReadOptions { Target = "y", Exclude = ["id"] });
        Assert.Equal(["a"], table.ColumnNames);
        Assert.Contains("'y' is the target", Fails("id,a,y\n1,2,0\n", new TableReadOptions { Target = "y", Exclude = ["y"] }).Message);
        Assert.Contains("has no column 'zz' (the column to exclude)",
            Fails("id,a,y\n1,2,0\n", new TableReadOptions { Target = "y", Exclude = ["zz"] }).Message);
        Assert.Contains("line 1: the delimiter ';' leaves one column ('a,b,y'), but the header holds ','",
            Fails("a,b,y\n1,2,0\n", new TableReadOptions { Delimiter = ';' }).Message);
    }

    [Fact]
    public void Take_KeepsLinesAndTarget()
    {
        var table = Read("a,y\n1,p\n\n2,q\n3,p\n", new TableReadOptions { Target = "y" }).Take([2, 0]);
        Assert.Equal([3, 1], ((NumericColumn)table["a"]).Values.ToArray());
        Assert.Equal(["p", "p"], table.TargetLabels!);
        Assert.Equal(5, table.LineOf(0));
    }
}
