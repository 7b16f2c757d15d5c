using Descent.Data;
using Descent.Preprocessing;

namespace Descent.Tests.Preprocessing;

/// <summary>
/// The common entries of a ColumnTransformerModel are written straight into the matrix (<see cref="DirectColumnWriter"/>):
/// the matrix must be the one the steps' own Transform gives, cell for cell, over several row blocks, with unseen
/// categories, an imputed category the encoder never saw, and missing cells that nothing imputes named by their row.
/// </summary>
public class DirectColumnWriterTests
{
    private const int Rows = 20_000;   // more than two of the transform's row blocks

    private static Table Random(int seed, int rows, bool missingInC3)
    {
        var rng = new Random(seed);
        double Number(double missing) => rng.NextDouble() < missing ? double.NaN : Math.Round(rng.NextDouble() * 100, 3);
        string? Category(string prefix, int count, double missing) => rng.NextDouble() < missing ? null : $"{prefix}{rng.Next(count)}";
        var (a, b, n) = (new double[rows], new double[rows], new double[rows]);
        var (c1, c2, c3, c4) = (new string?[rows], new string?[rows], new string?[rows], new string?[rows]);
        var d = new DateTime?[rows];
        for (int i = 0; i < rows; i++)
        {
            (a[i], b[i], n[i]) = (Number(0.05), Number(0.2), Number(0));
            (c1[i], c2[i], c3[i], c4[i]) = (Category("p", 6, 0.05), Category("q", 3, 0.1), Category("r", 4, missingInC3 ? 0.1 : 0), Category("s", 5, 0));
            d[i] = rng.NextDouble() < 0.1 ? null : new DateTime(2020, 1, 1).AddDays(rng.Next(1000));
        }
        return new Table(
        [
            new NumericColumn("a", a), new NumericColumn("b", b), new CategoricalColumn("c1", c1), new CategoricalColumn("c2", c2),
            new CategoricalColumn("c3", c3), new CategoricalColumn("c4", c4), new DateColumn("d", d), new NumericColumn("n", n),
        ], $"random{seed}");
    }

    private static ColumnTransformer Columns() => new(
        new ColumnSteps(["a", "b"], new SimpleImputer()),
        new ColumnSteps(["c1", "c2"], new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }, new OneHotEncoder()),
        new ColumnSteps(["c3"], new SimpleImputer { Strategy = ImputeStrategy.Constant, FillText = "unseen" }, new OneHotEncoder()),
        new ColumnSteps(["c4"], new OneHotEncoder()),
        new ColumnSteps(["d"], new DateFeatures(), new SimpleImputer { Strategy = ImputeStrategy.Median }));

    /// <summary>The matrix (row-major) as the steps' own Transform gives it: each entry's steps over the whole table, then the remainder.</summary>
    private static double[] ThroughTheSteps(ColumnTransformerModel model, Table table)
    {
        var columns = new List<double[]>();
        foreach (var (names, steps) in model.Entries)
        {
            Table part = table.Select(names);
            foreach (var step in steps)
                part = step.Transform(part);
            columns.AddRange(part.Columns.Select(c => ((NumericColumn)c).Values.ToArray()));
        }
        columns.AddRange(model.Remainder.Select(name => ((NumericColumn)table[name]).Values.ToArray()));
        var x = new double[table.Rows * columns.Count];   // row-major, as Matrix.ToArray
        for (int j = 0; j < columns.Count; j++)
            for (int i = 0; i < table.Rows; i++)
                x[i * columns.Count + j] = columns[j][i];
        return x;
    }

    [Fact]
    public void Transform_WritesTheCommonEntriesStraightIn_AsTheStepsTransformWould()
    {
        var model = Columns().Fit(Random(1, Rows, missingInC3: false));
        var test = Random(2, Rows + 123, missingInC3: true);
        Assert.Equal([true, true, true, true, false],
            model.Entries.Select(e => DirectColumnWriter.For(test, e.Columns, e.Steps) is not null));
        Assert.DoesNotContain("c3=unseen", model.FeatureNames);   // c3 had no missing cell at Fit: its fill is a category the encoder never saw

        var x = model.Transform(test);
        Assert.Equal(ThroughTheSteps(model, test), x.ToArray());
        int unseen = model.FeatureNames.ToList().IndexOf("c3=r0");
        Assert.Contains(Enumerable.Range(0, test.Rows), i => test["c3"].IsMissing(i) && Enumerable.Range(unseen, 4).All(j => x[i, j] == 0));
    }

    [Fact]
    public void Transform_AMissingCellNothingImputes_IsNamedByItsRowInTheWholeTable()
    {
        var train = Random(1, Rows, missingInC3: false);
        var model = new ColumnTransformer(new ColumnSteps(["c4"], new OneHotEncoder())) { Remainder = Remainder.Drop }.Fit(train);
        var numbers = new ColumnTransformer(new ColumnSteps(["a"], new SimpleImputer())).Fit(train.Select(["a", "n"]));
        var n = ((NumericColumn)train["n"]).Values.ToArray();
        n[9000] = double.NaN;
        var c4 = Enumerable.Range(0, Rows).Select(i => i == 12_345 ? null : ((CategoricalColumn)train["c4"])[i]).ToArray();
        var test = new Table([train["a"], new NumericColumn("n", n), new CategoricalColumn("c4", c4)], "t");

        var number = Assert.Throws<DescentDataException>(() => numbers.Transform(test));
        Assert.StartsWith("t, row 9000, column 'n': the cell is missing; impute it (SimpleImputer)", number.Message);
        var category = Assert.Throws<DescentDataException>(() => model.Transform(test));
        Assert.StartsWith("t, row 12345, column 'c4': the cell is missing, and OneHotEncoderModel.Transform encodes categories only", category.Message);
    }
}
