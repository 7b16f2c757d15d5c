using Descent.Linear;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Preprocessing;
using Descent.Trees;

namespace Descent.Tests.Estimators;

/// <summary>
/// Every estimator, model and transformer validates its input through <see cref="DataCheck"/>: the same problem gives
/// the same message, naming the estimator's own operation, for all of them.
/// </summary>
public class EstimatorValidationTests
{
    /// <summary>What each estimator is, how to fit it and how its model predicts (or transforms).</summary>
    public sealed record Case(string Estimator, string Model, Kind Kind, Func<Matrix<double>, int[], Func<Matrix<double>, object>> Fit,
        Func<Matrix<double>, double[], object>? FitTargets = null)
    {
        public override string ToString() => Estimator;
    }

    public enum Kind { Regressor, Classifier, Tree, TreeClassifier, Transformer }

    private static readonly Case[] All =
    [
        Regressor(nameof(LinearRegression), nameof(LinearModel), new LinearRegression()),
        Regressor(nameof(Ridge), nameof(LinearModel), new Ridge()),
        Regressor(nameof(Lasso), nameof(ElasticNetModel), new Lasso { Alpha = 0.01 }),
        Regressor(nameof(ElasticNet), nameof(ElasticNetModel), new ElasticNet { Alpha = 0.01 }),
        Classifier(nameof(LogisticRegression), nameof(LogisticRegressionModel), new LogisticRegression()),
        Classifier(nameof(SoftmaxRegression), nameof(LogisticRegressionModel), new SoftmaxRegression()),
        Classifier(nameof(Perceptron), nameof(PerceptronModel), new Perceptron { Seed = 0 }),
        Classifier(nameof(MlpClassifier), nameof(MlpClassifierModel), new MlpClassifier { HiddenLayerSizes = [3], MaxIterations = 5, Seed = 0 }),
        Regressor(nameof(MlpRegressor), nameof(MlpRegressorModel), new MlpRegressor { HiddenLayerSizes = [3], MaxIterations = 5, Seed = 0 }),
        Classifier(nameof(DecisionTreeClassifier), nameof(DecisionTreeClassifierModel), new DecisionTreeClassifier(), Kind.TreeClassifier),
        Classifier(nameof(RandomForestClassifier), nameof(RandomForestClassifierModel), new RandomForestClassifier { TreeCount = 3, Seed = 0 },
            Kind.TreeClassifier),
        Regressor(nameof(DecisionTreeRegressor), nameof(DecisionTreeRegressorModel), new DecisionTreeRegressor(), Kind.Tree),
        Regressor(nameof(RandomForestRegressor), nameof(RandomForestRegressorModel), new RandomForestRegressor { TreeCount = 3, Seed = 0 },
            Kind.Tree),
        Transformer(nameof(StandardScaler), nameof(StandardScalerModel), new StandardScaler()),
        Transformer(nameof(MinMaxScaler), nameof(MinMaxScalerModel), new MinMaxScaler()),
        Transformer(nameof(PolynomialFeatures), nameof(PolynomialFeaturesModel), new PolynomialFeatures()),
        Transformer(nameof(Pipeline), nameof(Pipeline), new Pipeline()),
    ];

    public static TheoryData<Case> Cases => new(All);

    public static TheoryData<Case> Supervised => new(All.Where(c => c.Kind != Kind.Transformer));

    public static TheoryData<Case> Classifiers => new(All.Where(c => c.Kind is Kind.Classifier or Kind.TreeClassifier));

    public static TheoryData<Case> Regressors => new(All.Where(c => c.FitTargets is not null));

    private static Case Regressor<TModel>(string name, string model, IRegressor<TModel> estimator, Kind kind = Kind.Regressor)
        where TModel : IRegressionModel =>
        new(name, model, kind, (x, labels) =>
        {
            TModel fitted = estimator.Fit(x, Array.ConvertAll(labels, v => (double)v));
            return z => fitted.Predict(z);
        }, (x, y) => estimator.Fit(x, y));

    private static Case Classifier<TModel>(string name, string model, IClassifier<TModel> estimator, Kind kind = Kind.Classifier)
        where TModel : IClassificationModel =>
        new(name, model, kind, (x, labels) =>
        {
            TModel fitted = estimator.Fit(x, labels);
            return z => fitted.PredictClassIndices(z);
        });

    private static Case Transformer<TFitted>(string name, string model, ITransformer<TFitted> transformer)
        where TFitted : IFittedTransformer =>
        new(name, model, Kind.Transformer, (x, _) =>
        {
            TFitted fitted = transformer.Fit(x);
            return z => fitted.Transform(z);
        });

    private static readonly int[] Labels = [0, 1, 0, 1, 1, 0];

    private static Matrix<double> Train() => Matrix.FromRows<double>([[0, 1], [1, 3], [2, 2], [3, 5], [4, 4], [5, 4]]);

    private static bool IsTree(Case c) => c.Kind is Kind.Tree or Kind.TreeClassifier;

    /// <summary>The end of a non-finite-X message: trees also refuse values beyond float32's range.</summary>
    private static string Rejection(string subject, bool float32) =>
        $"{subject} does not accept missing or infinite values" +
        (float32 ? ", nor values beyond float32's ±3.4e38; drop or impute those rows first (or rescale the features)."
            : "; drop or impute those rows first.");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_WithNaN_NamesTheEstimatorRowAndColumn(Case c)
    {
        var x = Train();
        x[3, 1] = double.NaN;
        x[4, 0] = double.PositiveInfinity;
        var error = Assert.Throws<DescentDataException>(() => c.Fit(x, Labels));
        Assert.Equal($"{c.Estimator}.Fit: X contains NaN at row 3, column 1 (and 1 more non-finite value in column 0). " +
            Rejection(c.Estimator, IsTree(c)), error.Message);
        Assert.Equal((3L, 1), (error.Row!.Value, error.Column!.Value));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Predict_WithNaN_NamesTheModelRowAndColumn(Case c)
    {
        var predict = c.Fit(Train(), Labels);
        var x = Matrix.FromRows<double>([[1, 2], [double.NegativeInfinity, 0]]);
        var error = Assert.Throws<DescentDataException>(() => predict(x));
        Assert.Matches($@"^{c.Model}\.\w+: X contains -Infinity at row 1, column 0\. ", error.Message);
        Assert.EndsWith(" " + Rejection(c.Model, IsTree(c)), error.Message);
        Assert.Equal((1L, 0), (error.Row!.Value, error.Column!.Value));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Predict_WithOtherFeatureCount_NamesBothCounts(Case c)
    {
        var predict = c.Fit(Train(), Labels);
        var error = Assert.Throws<DescentDataException>(() => predict(new Matrix<double>(2, 3)));
        Assert.Matches($@"^{c.Model}\.\w+: X has 3 columns, but the model was fitted on 2; " +
            @"pass the same features, in the same order, as at Fit\.$", error.Message);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_WithoutRows_NamesTheShape(Case c)
    {
        var error = Assert.Throws<DescentDataException>(() => c.Fit(new Matrix<double>(0, 2), []));
        Assert.Equal($"{c.Estimator}.Fit: X has 0 rows (shape 0×2), but at least 1 is needed; give {c.Estimator} more rows.", error.Message);
    }

    [Theory]
    [MemberData(nameof(Supervised))]
    public void Fit_WithOneTargetTooFew_NamesBothLengths(Case c)
    {
        var error = Assert.Throws<DescentDataException>(() => c.Fit(Train(), Labels[..5]));
        Assert.Equal($"{c.Estimator}.Fit: X has 6 rows but y has 5 values; every row of X needs one target.", error.Message);
    }

    [Theory]
    [MemberData(nameof(Classifiers))]
    public void Fit_WithOneClass_IsRejectedByLinearClassifiers_AndAcceptedByTrees_AsInScikitLearn(Case c)
    {
        int[] one = [1, 1, 1, 1, 1, 1];
        if (c.Kind == Kind.Classifier)
            Assert.Equal($"{c.Estimator}.Fit: y has only one class ('1'); a classifier needs examples of at least two classes.",
                Assert.Throws<DescentDataException>(() => c.Fit(Train(), one)).Message);
        else
            Assert.Equal([0, 0], (int[])c.Fit(Train(), one)(new Matrix<double>(2, 2)));
    }

    [Theory]
    [MemberData(nameof(Regressors))]
    public void Fit_WithNonFiniteTarget_NamesTheRow(Case c)
    {
        var error = Assert.Throws<DescentDataException>(() => c.FitTargets!(Train(), [0.0, 1.0, double.NaN, 1.0, double.NegativeInfinity, 0.0]));
        Assert.Equal($"{c.Estimator}.Fit: y contains NaN at row 2 (and 1 more non-finite value). " +
            "Targets must be finite numbers; drop or impute those rows first.", error.Message);
        Assert.Equal(2, error.Row);
    }
}
