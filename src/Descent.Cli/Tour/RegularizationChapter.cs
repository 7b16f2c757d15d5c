using Descent.Plotting.Models;
using Descent.Data;
using Descent.Linear;
using Descent.Metrics;
using Descent.ModelSelection;
using Descent.Numerics;
using Descent.Plotting;
using Descent.Preprocessing;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Ridge, Lasso and ElasticNet on diabetes (standardized features, 75/25 split): test R² against plain least
/// squares, the lasso path (coefficients leaving zero one by one as α falls) and the ridge path (all shrinking together).
/// </summary>
internal sealed class RegularizationChapter : TourChapter
{
    public const double RidgeAlpha = 10, LassoAlpha = 1, ElasticNetAlpha = 1, ElasticNetL1Ratio = 0.5;
    public const long SplitSeed = 0;

    public override string Key => "regularization";

    public override string Title => "Regularization: Ridge, Lasso and ElasticNet";

    public override void Run(ChapterWriter chapter)
    {
        Dataset data = Datasets.Load("diabetes");
        var split = TrainTestSplit.Split(data.Features, data.RequireNumericTarget(), testSize: 0.25, seed: SplitSeed);
        var scaler = new StandardScaler().Fit(split.XTrain);
        Matrix<double> train = scaler.Transform(split.XTrain), test = scaler.Transform(split.XTest);

        (string Name, LinearModel Model)[] models =
        [
            ("least squares (no penalty)", new LinearRegression().Fit(train, split.YTrain)),
            ($"Ridge (α = {RidgeAlpha})", new Ridge { Alpha = RidgeAlpha }.Fit(train, split.YTrain)),
            ($"Lasso (α = {LassoAlpha})", new Lasso { Alpha = LassoAlpha }.Fit(train, split.YTrain)),
            ($"ElasticNet (α = {ElasticNetAlpha}, L1 ratio {ElasticNetL1Ratio})",
                new ElasticNet { Alpha = ElasticNetAlpha, L1Ratio = ElasticNetL1Ratio }.Fit(train, split.YTrain)),
        ];
        double[] testR2 = models.Select(m => RegressionMetrics.R2Score(split.YTest, m.Model.Predict(test))).ToArray();
        int[] zeros = models.Select(m => m.Model.Coefficients.Count(c => c == 0)).ToArray();

        var lassoPath = new RegularizationPath().Compute(train, split.YTrain);
        double[] ridgeAlphas = Plotting.Grid2D.LogSpaced(1e-2, 1e5, 50);
        var ridgeCoefficients = new double[ridgeAlphas.Length, data.FeatureCount];
        for (int a = 0; a < ridgeAlphas.Length; a++)
        {
            var ridge = new Ridge { Alpha = ridgeAlphas[a] }.Fit(train, split.YTrain);
            for (int f = 0; f < data.FeatureCount; f++) ridgeCoefficients[a, f] = ridge.Coefficients[f];
        }

        string[] entering = EntryOrder(lassoPath, data.FeatureNames);

        chapter.Paragraph(
            $"The diabetes data measure ten things about {data.Rows} patients (age, sex, body-mass index, blood pressure and six " +
            "blood serum values) and how far their disease progressed a year later. With many features a linear model can fit " +
            "noise; regularization adds a penalty on the size of the coefficients to the cost, trading a little training error " +
            "for a simpler model. Ridge penalizes α·Σθⱼ², Lasso α·Σ|θⱼ|, and ElasticNet a mix of both.");
        chapter.Paragraph(
            $"The patients were split at random into {split.YTrain.Length} for training and {split.YTest.Length} for testing, " +
            "and the features standardized with the training rows' means and deviations, so that one α means the same for every " +
            $"feature. R² on the test patients (1 is perfect, 0 no better than predicting the mean): least squares {Fixed(testR2[0], 3)}, " +
            $"Ridge {Fixed(testR2[1], 3)}, Lasso {Fixed(testR2[2], 3)}, ElasticNet {Fixed(testR2[3], 3)}. Lasso set {zeros[2]} of the " +
            "10 coefficients exactly to zero: it also chooses features. On these data the penalties hardly change the test R²: " +
            "331 patients are plenty for 10 coefficients, so least squares has little noise to fit; what the penalty changes is " +
            "the model, as the paths below show.");
        chapter.Figure("lasso-path", ModelFigures.RegularizationPath(lassoPath, data.FeatureNames,
                "Lasso path: coefficients of the standardized features against α"),
            "Each line is one coefficient of the Lasso as the penalty α grows (to the right). At large α every coefficient is zero; " +
            $"as α falls they enter one at a time, the most useful first ({entering[0]}, then {entering[1]}, then {entering[2]}).");
        chapter.Figure("ridge-path", Plotting.Figures.RegularizationPath(ridgeAlphas, ridgeCoefficients, data.FeatureNames,
                "Ridge path: coefficients of the standardized features against α"),
            "The same for Ridge: the coefficients shrink together towards zero as α grows, but none becomes exactly zero.");
        chapter.Section.Table(["model", "test R²", "coefficients at zero"],
            models.Select((m, k) => (IReadOnlyList<string>)[m.Name, Fixed(testR2[k], 4), Count(zeros[k])]),
            $"Test R² on {split.YTest.Length} held-out patients");

        chapter.Metric("dataset", "diabetes").Metric("train_rows", split.YTrain.Length).Metric("test_rows", split.YTest.Length)
            .Metric("models", models.Select(m => m.Name).ToArray()).Metric("test_r2", testR2)
            .Metric("zero_coefficients", zeros.Select(z => (double)z).ToArray())
            .Metric("lasso_coefficients", models[2].Model.Coefficients)
            .Metric("lasso_path_alpha_max", lassoPath.Alphas[0]).Metric("lasso_entry_order", entering);
        chapter.SetSummary("Ridge / Lasso / ElasticNet", "diabetes", "test R²", $"{Fixed(testR2[1], 3)} / {Fixed(testR2[2], 3)} / {Fixed(testR2[3], 3)}");
    }

    /// <summary>The features in the order their coefficient first becomes non-zero along the path (largest α first).</summary>
    private static string[] EntryOrder(RegularizationPathResult path, IReadOnlyList<string> names)
    {
        var entry = new int[names.Count];
        for (int f = 0; f < names.Count; f++)
        {
            entry[f] = path.Alphas.Count;
            for (int a = 0; a < path.Alphas.Count; a++)
                if (path.Coefficients[a, f] != 0) { entry[f] = a; break; }
        }
        return Enumerable.Range(0, names.Count).OrderBy(f => entry[f]).ThenBy(f => f).Select(f => names[f]).ToArray();
    }
}
