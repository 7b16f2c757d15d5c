using Descent.Cli;
using Descent.Data;
using Descent.Parquet;
using Parquet;
using Parquet.Schema;

namespace Descent.Tests.Parquet;

/// <summary>Parquet files written with Parquet.Net read back as tables (numbers, categories, dates, nulls as missing), and fit through the CLI.</summary>
public sealed class ParquetTableReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("descent-parquet-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> WriteAsync(int rows)
    {
        string path = Path.Combine(_folder, "customers.parquet");
        var age = new DataField<double?>("age");
        var city = new DataField<string>("city");
        var signup = new DataField<DateTime?>("signup");
        var visits = new DataField<int>("visits");
        var label = new DataField<string>("label");
        var schema = new ParquetSchema(age, city, signup, visits, label);
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(schema, stream))
        using (var group = writer.CreateRowGroup())
        {
            await group.WriteAsync(age, (ReadOnlyMemory<double?>)Enumerable.Range(0, rows).Select(i => i == 1 ? null : (double?)(20 + i)).ToArray());
            await group.WriteAsync(city, Enumerable.Range(0, rows).Select(i => i == 2 ? null : i % 2 == 0 ? "Paris" : "Lyon").ToArray());
            await group.WriteAsync(signup, (ReadOnlyMemory<DateTime?>)Enumerable.Range(0, rows).Select(i => (DateTime?)new DateTime(2024, 1, 1).AddDays(i)).ToArray());
            await group.WriteAsync(visits, (ReadOnlyMemory<int>)Enumerable.Range(0, rows).Select(i => i % 7).ToArray());
            await group.WriteAsync(label, Enumerable.Range(0, rows).Select(i => i % 3 == 0 ? "yes" : "no").ToArray());
        }
        return path;
    }

    [Fact]
    public async Task Read_NumbersCategoriesDatesAndNulls()
    {
        string path = await WriteAsync(6);
        var table = ParquetTableReader.Read(path, new TableReadOptions { Target = "label" });
        Assert.Equal(["age", "city", "signup", "visits"], table.ColumnNames);
        Assert.Equal([20, double.NaN, 22, 23, 24, 25], ((NumericColumn)table["age"]).Values.ToArray());
        Assert.Null(((CategoricalColumn)table["city"])[2]);
        Assert.Equal("Lyon", ((CategoricalColumn)table["city"])[1]);
        Assert.Equal(new DateTime(2024, 1, 3), ((DateColumn)table["signup"])[2]);
        Assert.Equal(["yes", "no", "no", "yes", "no", "no"], table.TargetLabels!);
        Assert.True(ParquetTableReader.LooksLikeParquet(path));
    }

    [Fact]
    public async Task Cli_FitsAParquetFile()
    {
        string path = await WriteAsync(40);
        string model = Path.Combine(_folder, "model.json");
        var error = new StringWriter();
        int code = CliApp.Run(["fit", "logistic", "--data", path, "--target", "label", "--impute", "mean", "--out", model], new StringWriter(), error);
        Assert.True(code == 0, error.ToString());
        Assert.Contains("\"kind\": \"one-hot-encoder\"", File.ReadAllText(model));
    }

    [Fact]
    public void Read_ATextFileNamedParquet_IsAnError()
    {
        string path = Path.Combine(_folder, "fake.parquet");
        File.WriteAllText(path, "a,b\n1,2\n");
        var error = Assert.Throws<DescentDataException>(() => ParquetTableReader.Read(path));
        Assert.StartsWith($"{path} is not a Parquet file", error.Message);
    }
}
