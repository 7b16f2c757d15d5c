using Descent.Data;
using Descent.Linear;
using Descent.Numerics;
using Descent.Persistence;
using Descent.Preprocessing;

namespace Descent.Tests.Preprocessing;

/// <summary>SimpleImputer, OneHotEncoder, DateFeatures and ColumnTransformer on tables; pipelines over tables saved and loaded.</summary>
public class TableStepsTests
{
    private static Table Customers() => new(
    [
        new NumericColumn("age", [31, double.NaN, 40, 25, 40]),
        new CategoricalColumn("city", ["Paris", "Lyon", null, "Paris", "Nice"]),
        new DateColumn("signup", [new DateTime(2024, 3, 31), new DateTime(2024, 1, 1), null, new DateTime(2023, 12, 25), new DateTime(2024, 2, 29)]),
        new NumericColumn("income", [1, 2, 3, 4, 5]),
    ], "customers");

    [Theory]
    [InlineData(ImputeStrategy.Mean, 34.0)]
    [InlineData(ImputeStrategy.Median, 35.5)]
    [InlineData(ImputeStrategy.MostFrequent, 40.0)]
    [InlineData(ImputeStrategy.Constant, -1.0)]
    public void SimpleImputer_FillsNumbersWithTheStatistic(ImputeStrategy strategy, double expected)
    {
        var model = new SimpleImputer { Strategy = strategy, FillValue = -1 }.Fit(Customers().Select(["age"]));
        Assert.Equal(expected, model.Fills[0].Number);
        var filled = (NumericColumn)model.Transform(Customers()).Columns[0];
        Assert.Equal([31, expected, 40, 25, 40], filled.Values.ToArray());
        var matrix = new SimpleImputer { Strategy = strategy, FillValue = -1 }.Fit(Matrix.FromRows([[31.0], [double.NaN], [40], [25], [40]]));
        Assert.Equal(expected, matrix.Transform(Matrix.FromRows([[double.NaN]]))[0, 0]);
    }

    [Fact]
    public void SimpleImputer_MostFrequentCategory_TiesGoToTheSmallest()
    {
        var table = new Table([new CategoricalColumn("c", ["b", "a", null, "b", "a", "c"])]);
        var model = new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }.Fit(table);
        Assert.Equal("a", model.Fills[0].Text);
        Assert.Equal("a", ((CategoricalColumn)model.Transform(table).Columns[0])[2]);
        Assert.Throws<DescentDataException>(() => new SimpleImputer().Fit(table));
    }

    [Fact]
    public void OneHotEncoder_SortedCategories_NamedColEqualsValue_UnknownIsAllZeros()
    {
        var train = new Table([new CategoricalColumn("city", ["Paris", "Lyon", "Paris", "Nice"])]);
        var model = new OneHotEncoder().Fit(train);
        Assert.Equal(["city=Lyon", "city=Nice", "city=Paris"], model.OutputColumns);
        var test = new Table([new CategoricalColumn("city", ["Nice", "Berlin", "Paris"])]);
        var encoded = model.Transform(test);
        Assert.Equal([1.0, 0, 0], ((NumericColumn)encoded.Columns[1]).Values.ToArray());
        Assert.Equal([0.0, 0, 0], Enumerable.Range(0, 3).Select(k => ((NumericColumn)encoded.Columns[k]).Values[1]));
        Assert.Equal([("city", 1, "Berlin")], model.UnknownCounts(test));
        var missing = Assert.Throws<DescentDataException>(() => model.Transform(new Table([new CategoricalColumn("city", ["Nice", null])], "t.csv")));
        Assert.StartsWith("t.csv, row 1, column 'city': the cell is missing", missing.Message);
    }

    [Fact]
    public void DateFeatures_YearMonthDayWeekday_MondayIsZero()
    {
        var model = new DateFeatures().Fit(Customers().Select(["signup"]));
        Assert.Equal(["signup.year", "signup.month", "signup.day", "signup.weekday"], model.OutputColumns);
        var parts = model.Transform(Customers()).Columns.Cast<NumericColumn>().Select(c => c.Values.ToArray()).ToArray();
        Assert.Equal([2024, 3, 31, 6], parts.Select(p => p[0]));       // a Sunday
        Assert.Equal([2024, 1, 1, 0], parts.Select(p => p[1]));        // a Monday
        Assert.All(parts, p => Assert.True(double.IsNaN(p[2])));
    }

    private static ColumnTransformer Columns() => new(
        new ColumnSteps(["age"], new SimpleImputer()),
        new ColumnSteps(["city"], new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }, new OneHotEncoder()),
        new ColumnSteps(["signup"], new DateFeatures(), new SimpleImputer { Strategy = ImputeStrategy.Median }));

    [Fact]
    public void ColumnTransformer_PlacesEntriesInOrder_ThenPassesTheRestThrough()
    {
        var model = Columns().FitTransform(Customers(), out var x);
        Assert.Equal(["age", "city=Lyon", "city=Nice", "city=Paris", "signup.year", "signup.month", "signup.day", "signup.weekday", "income"],
            model.FeatureNames);
        Assert.Equal([40, 0, 0, 1, 2024, 2.5, 27, 1.5, 3], x.Row(2).ToArray());
        Assert.Equal(x.ToArray(), model.Transform(Customers()).ToArray());
        var text = Assert.Throws<DescentDataException>(() => new ColumnTransformer(new ColumnSteps(["age"], new SimpleImputer())).Fit(Customers()));
        Assert.Contains("column 'city' holds categories and no step encodes it", text.Message);
        var missing = Assert.Throws<DescentDataException>(() => new ColumnTransformer().Fit(Customers().Select(["age"])));
        Assert.StartsWith("customers, row 1, column 'age': the cell is missing", missing.Message);
    }

    [Fact]
    public void PipelineOverATable_SavesAndLoads_AndPredictsLabels()
    {
        var table = Customers();
        var labels = ClassLabels.FromText(["no", "yes", "no", "yes", "yes"]);
        var fitted = new Pipeline(Columns(), new StandardScaler()).Then(new LogisticRegression()).Fit(table, labels);
        Label[] predicted = fitted.Predict(table);
        Assert.Equal(fitted.Model.Predict(fitted.Preprocessing.Transform(table)), predicted);
        Assert.Equal(predicted, ((IClassificationModel)fitted.Model).Predict(fitted.Preprocessing.Transform(table)));

        var saved = new SavedModel(fitted, table.ColumnNames, "buys");
        Assert.IsType<ColumnTransformerModel>(saved.Preprocessing[0]);
        var loaded = ModelFile.FromJson(ModelFile.ToJson(saved));
        Assert.Equal(ModelFile.ToJson(saved), ModelFile.ToJson(loaded));
        var newRows = new Table(
        [
            new NumericColumn("income", [2, 9]),
            new CategoricalColumn("city", ["Berlin", "Lyon"]),
            new NumericColumn("age", [double.NaN, 50]),
            new DateColumn("signup", [new DateTime(2025, 6, 1), null]),
        ]);
        var before = fitted.PredictProbabilities(newRows);
        Assert.Equal(before.ToArray(), loaded.Classifier!.PredictProbabilities(loaded.Prepare(newRows)).ToArray());
    }

    [Fact]
    public void RegressionPipelineOverAMatrix_IsSavedAsItsSteps()
    {
        var x = Matrix.FromRows([[1.0, 2], [2, 1], [3, 5], [4, 3]]);
        var fitted = new Pipeline(new StandardScaler()).Then(new Ridge()).Fit(x, [1.0, 2, 3, 4]);
        var loaded = ModelFile.FromJson(ModelFile.ToJson(new SavedModel(fitted, ["a", "b"])));
        Assert.Equal(fitted.Predict(x), loaded.Regressor!.Predict(loaded.Prepare(x)));
    }
}
