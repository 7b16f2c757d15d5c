using Descent.Data;
using Descent.Linear;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Persistence;
using Descent.Preprocessing;
using Descent.Trees;

namespace Descent.Tests.Persistence;

/// <summary>One small fitted model of every saved kind (with every preprocessing step), on the embedded datasets.</summary>
internal static class SampleModels
{
    public static IEnumerable<string> Names => Builders.Keys;

    /// <summary>The samples whose inputs are numeric columns only (the ones that export to ONNX).</summary>
    public static IEnumerable<string> NumericNames => Names.Where(n => Table(n) is null);

    public static SavedModel Build(string name) => Builders[name]();

    /// <summary>The rows the golden tests predict: the first rows of the model's dataset.</summary>
    public static Matrix<double> Rows(string name, SavedModel model, int count = 12)
    {
        var data = Load(DatasetOf[name]);
        var x = new Matrix<double>(count, model.FeatureNames.Count);
        for (int j = 0; j < model.FeatureNames.Count; j++)
        {
            int column = data.IndexOfFeature(model.FeatureNames[j]);
            for (int i = 0; i < count; i++)
                x[i, j] = data.Features[i * 7 % data.Rows, column];
        }
        return x;
    }

    private static readonly Dictionary<string, string> DatasetOf = new()
    {
        ["linear-gd"] = "food_truck", ["linear-sgd"] = "food_truck", ["elasticnet"] = "diabetes", ["logistic-binary"] = "exam_scores",
        ["softmax"] = "iris", ["perceptron"] = "wine", ["tree-classifier"] = "iris", ["tree-regressor"] = "diabetes",
        ["forest-classifier"] = "wine", ["forest-regressor"] = "diabetes", ["poly-standardized-ridge"] = "house_prices",
        ["min-max-logistic"] = "breast_cancer", ["mlp-classifier"] = "wine", ["mlp-regressor"] = "diabetes",
    };

    private static Dataset Load(string name) => Datasets.Load(name);

    /// <summary>The messy table of the samples that read tables (null for the others): numbers, categories and dates with missing cells.</summary>
    public static Table? Table(string name) => name == "table-logistic" ? ReadCsv(MessyCsv, "messy.csv") : null;

    public static Table ReadCsv(string csv, string source, IReadOnlyList<string>? categorical = null) =>
        TableReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), source,
            new TableReadOptions
            {
                Target = csv.Contains("buys", StringComparison.Ordinal) ? "buys" : null, CategoricalColumns = categorical, Thousands = ',',
            });

    private const string MessyCsv = """
        age,city,signup,income,buys
        31,Paris,2024-03-31,"41,522.5",no
        ,Lyon,2024-01-01,30000,yes
        40,,,52000,no
        25,Paris,2023-12-25,,yes
        52,Nice,2024-02-29,61000,yes
        38,Lyon,2023-06-15,45000,no
        29,Nice,2024-05-05,39000,yes
        47,Paris,,58000,no
        """;

    private static SavedModel TableLogistic()
    {
        var table = ReadCsv(MessyCsv, "messy.csv");
        var columns = new ColumnTransformer(
            new ColumnSteps(["age", "income"], new SimpleImputer { Strategy = ImputeStrategy.Median }),
            new ColumnSteps(["city"], new SimpleImputer { Strategy = ImputeStrategy.Constant, FillText = "unknown" }, new OneHotEncoder()),
            new ColumnSteps(["signup"], new DateFeatures(), new SimpleImputer()));
        var fitted = new Pipeline(columns, new StandardScaler()).Then(new LogisticRegression()).Fit(table, table.RequireClassLabels());
        return new SavedModel(fitted, table.ColumnNames, table.TargetName);
    }

    private static readonly Dictionary<string, Func<SavedModel>> Builders = new()
    {
        ["linear-gd"] = () => Regression("food_truck", new LinearRegression
        {
            Solver = LinearRegressionSolver.BatchGradientDescent, Epochs = 40, LearningRate = 0.01,
        }),
        ["linear-sgd"] = () => Regression("food_truck", new LinearRegression
        {
            Solver = LinearRegressionSolver.MiniBatchGradientDescent, Epochs = 30, BatchSize = 16, LearningRate = 0.005, Seed = 2,
        }),
        ["elasticnet"] = () => Regression("diabetes", new ElasticNet { Alpha = 0.5, L1Ratio = 0.7 }, new StandardScaler()),
        ["logistic-binary"] = () => Classification("exam_scores", new LogisticRegression { C = 0.5 }, new StandardScaler()),
        ["softmax"] = () => Classification("iris", new SoftmaxRegression()),
        ["perceptron"] = () => Classification("wine", new Perceptron { Seed = 3, MaxIterations = 30 }, new StandardScaler()),
        ["tree-classifier"] = () => Classification("iris", new DecisionTreeClassifier { MaxDepth = 3 }),
        ["tree-regressor"] = () => Regression("diabetes", new DecisionTreeRegressor { MaxDepth = 3 }),
        ["forest-classifier"] = () => Classification("wine", new RandomForestClassifier { TreeCount = 4, MaxDepth = 4, OobScore = true }),
        ["forest-regressor"] = () => Regression("diabetes", new RandomForestRegressor { TreeCount = 3, MaxDepth = 3 }),
        ["poly-standardized-ridge"] = () => Regression("house_prices", new Ridge { Alpha = 0.1 },
            new PolynomialFeatures { Degree = 2, IncludeBias = false }, new StandardScaler()),
        ["min-max-logistic"] = () => Classification("breast_cancer", new LogisticRegression(), new MinMaxScaler()),
        ["table-logistic"] = TableLogistic,
        ["mlp-classifier"] = () => Classification("wine", new MlpClassifier { HiddenLayerSizes = [6, 4], MaxIterations = 30, Seed = 4 },
            new StandardScaler()),
        ["mlp-regressor"] = () => Regression("diabetes", new MlpRegressor
        {
            HiddenLayerSizes = [5], Activation = MlpActivation.Tanh, Solver = MlpSolver.Sgd, LearningRate = 0.01, MaxIterations = 20, Seed = 5,
        }, new StandardScaler()),
    };

    private static SavedModel Regression<TModel>(string dataset, IRegressor<TModel> regressor,
        params ITransformer<IFittedTransformer>[] steps) where TModel : IRegressionModel
    {
        var data = Load(dataset);
        var fitted = new Pipeline(steps).FitTransform(data.Features, out var x);
        return new SavedModel(regressor.Fit(x, data.RequireNumericTarget()), data.FeatureNames, data.TargetName, fitted.Steps);
    }

    private static SavedModel Classification<TModel>(string dataset, IClassifier<TModel> classifier,
        params ITransformer<IFittedTransformer>[] steps) where TModel : IClassificationModel
    {
        var data = Load(dataset);
        var fitted = new Pipeline(steps).FitTransform(data.Features, out var x);
        return new SavedModel(classifier.Fit(x, data.RequireClassLabels()), data.FeatureNames, data.TargetName, fitted.Steps);
    }
}
