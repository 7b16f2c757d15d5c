using System.Globalization;
using System.Text;
using Descent.Data;
using Descent.Data.Parsing;

namespace Descent.Tests.Data;

/// <summary>
/// The reader sizes its column arrays from the bytes per row of the rows read so far (<see cref="RowCapacity"/>): an
/// estimate too large (rows longer later on: the short first rows promise more of them), too small (rows shorter later
/// on: the arrays grow again), or impossible (a pipe) must still give every cell, and a column holds exactly its rows
/// whatever room its array has left.
/// </summary>
public class TableReaderCapacityTests
{
    private const int Rows = 20_000, Switch = 8000;

    /// <summary>
    /// A table whose rows change length (about 20 and 60 bytes) at row <see cref="Switch"/>, after the estimate is
    /// made from the first rows: numbers, categories, dates, a column empty until the switch (its kind learned late), and a target.
    /// </summary>
    private static (string Csv, double[] X, string?[] City, DateTime?[] Day, double[] Late, double[] Y) Table(bool longerLater)
    {
        var csv = new StringBuilder("x,city,day,late,y\n");
        var (x, city, day, late, y) = (new double[Rows], new string?[Rows], new DateTime?[Rows], new double[Rows], new double[Rows]);
        for (int i = 0; i < Rows; i++)
        {
            bool longRow = (i >= Switch) == longerLater;
            x[i] = longRow ? i + 0.123456789 : i % 10;
            city[i] = i % 7 == 3 ? null : longRow ? $"a-rather-long-city-name-{i % 5}" : $"c{i % 3}";
            day[i] = i % 11 == 0 ? null : new DateTime(2020, 1, 1).AddDays(i % 400);
            late[i] = i < Switch ? double.NaN : i * 0.5;
            y[i] = i % 2;
            csv.Append(CultureInfo.InvariantCulture,
                $"{x[i]:R},{city[i]},{day[i]:yyyy-MM-dd},{(double.IsNaN(late[i]) ? "" : late[i].ToString("R", CultureInfo.InvariantCulture))},{y[i]}\n");
        }
        return (csv.ToString(), x, city, day, late, y);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void Read_RowsLongerOrShorterLaterOn_FromAFileOrAPipe_GivesEveryCell(bool longerLater, bool seekable)
    {
        var (csv, x, city, day, late, y) = Table(longerLater);
        byte[] bytes = Encoding.UTF8.GetBytes(csv);
        Stream stream = seekable ? new MemoryStream(bytes) : new TrickleStream(bytes, chunk: 4096);
        var table = TableReader.Read(stream, "rows.csv", new TableReadOptions { Target = "y" });

        Assert.Equal(Rows, table.Rows);
        Assert.Equal(x, ((NumericColumn)table["x"]).Values.ToArray());
        var cities = (CategoricalColumn)table["city"];
        Assert.Equal(Rows, cities.Codes.Length);
        Assert.Equal(city, Enumerable.Range(0, Rows).Select(i => cities[i]));
        var days = (DateColumn)table["day"];
        Assert.Equal(day, Enumerable.Range(0, Rows).Select(i => days[i]));
        Assert.Equal(late, ((NumericColumn)table["late"]).Values.ToArray());
        Assert.Equal(y, table.Target!);
        Assert.Equal(Rows + 1, table.LineOf(Rows - 1));
        Assert.Throws<IndexOutOfRangeException>(() => table["x"].IsMissing(Rows));
    }

    [Fact]
    public void After_EstimatesTheStreamsRows_FromTheBytesPerRowSoFar()
    {
        // 10,000 records of 100 bytes; after 2,000 of them the estimate is the whole stream's rows plus the slack.
        byte[] bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(new string('7', 99) + "\n", 10_000)));
        using var reader = new CsvRecordReader(new MemoryStream(bytes), "rows.csv", ',');
        var capacity = new RowCapacity(reader, bytes.Length);
        Assert.Equal(16, capacity.After(0));
        for (int i = 0; i < 600; i++)
            Assert.True(reader.Read());
        Assert.Equal(1200, capacity.After(600));   // 60,000 bytes read: too few to estimate from, doubles
        for (int i = 600; i < 2000; i++)
            Assert.True(reader.Read());
        Assert.Equal(200_000, reader.BytesConsumed);
        Assert.Equal((int)Math.Ceiling(10_000 * (1 + RowCapacity.Slack)), capacity.After(2000));
        Assert.Equal(4000, new RowCapacity(reader, -1).After(2000));   // length unknown: doubles
        for (int i = 2000; i < 9900; i++)
            Assert.True(reader.Read());
        Assert.Equal(9900 + 9900 / 4, capacity.After(9900));   // an estimate below a quarter more: grows by a quarter
    }

    [Fact]
    public void Trimmed_KeepsAnArrayWithLittleRoomLeft_AndCopiesOneMostlyEmpty()
    {
        var array = new double[1600];
        Assert.Same(array, RowCapacity.Trimmed(array, 1500));
        Assert.Equal(1000, RowCapacity.Trimmed(array, 1000).Length);
    }

    [Fact]
    public void Columns_OfTheFirstRowsOfALongerArray_HoldThoseRowsOnly()
    {
        var numbers = new NumericColumn("x", [1.0, double.NaN, 3.0, 99.0], -1, 3);
        Assert.Equal(3, numbers.Length);
        Assert.Equal([1.0, double.NaN, 3.0], numbers.Values.ToArray());
        Assert.Equal(1, numbers.MissingCount);
        Assert.Throws<IndexOutOfRangeException>(() => numbers.Text(3));
        var categories = new CategoricalColumn("c", [0, 1, -1, 7], ["a", "b"], -1, 2);
        Assert.Equal(["a", "b"], Enumerable.Range(0, categories.Length).Select(i => categories[i]));
        Assert.Equal([1], ((CategoricalColumn)categories.Take([1])).Codes.ToArray());
        var dates = new DateColumn("d", [new DateTime(2024, 1, 2).Ticks, 5], -1, 1);
        Assert.Equal(1, dates.Length);
        Assert.Throws<IndexOutOfRangeException>(() => dates.IsMissing(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NumericColumn("x", [1.0], -1, 2));
    }
}
