using Descent.Data;
using Descent.Linear;
using Descent.Persistence;
using Descent.Preprocessing;

namespace Descent.Tests;

/// <summary>The library example of README.md, kept compiling and true.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void PipelineExample_FitsHousePrices_LikeTheNormalEquation()
    {
        var data = Datasets.Load("house_prices");
        var model = new Pipeline(new StandardScaler())
            .Then(new LinearRegression { Solver = LinearRegressionSolver.BatchGradientDescent, LearningRate = 0.1, Tolerance = 0 })
            .Fit(data.Features, data.RequireNumericTarget());
        double[] predictions = model.Predict(data.Features);

        var exact = new LinearRegression().Fit(data.Features, data.RequireNumericTarget()).Predict(data.Features);
        for (int i = 0; i < predictions.Length; i++)
            Assert.Equal(exact[i], predictions[i], exact[i] * 1e-6);
    }

    [Fact]
    public void TableExample_FitsSavesAndLoadsAPipelineOverAMessyTable()
    {
        string csv = Path.Combine(AppContext.BaseDirectory, "golden", "tables", "customers.csv");
        string saved = Path.Combine(Path.GetTempPath(), $"descent-readme-{Guid.NewGuid():N}.json");
        var table = TableReader.Read(csv, new() { Target = "segment", Exclude = ["id", "spend"], Thousands = ',' });
        var columns = new ColumnTransformer(
            new ColumnSteps(["income", "age", "visits"], new SimpleImputer { Strategy = ImputeStrategy.Median }),
            new ColumnSteps(["city"], new SimpleImputer { Strategy = ImputeStrategy.MostFrequent }, new OneHotEncoder()),
            new ColumnSteps(["signup"], new DateFeatures(), new SimpleImputer()));
        var churn = new Pipeline(columns, new StandardScaler()).Then(new LogisticRegression()).Fit(table, table.RequireClassLabels());
        Label[] labels = churn.Predict(table);
        try
        {
            ModelFile.Save(saved, new SavedModel(churn, table.ColumnNames, table.TargetName));
            var loaded = ModelFile.Load(saved);
            Assert.Equal(labels, loaded.Classifier!.Predict(loaded.Prepare(table)));
            Assert.True(labels.Zip(table.TargetLabels!).Count(p => p.First.Text == p.Second) > 0.8 * table.Rows);
        }
        finally
        {
            File.Delete(saved);
        }
    }
}
