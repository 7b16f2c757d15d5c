using System.CommandLine;
using Descent.Cli.Infrastructure;
using Descent.Linear;
using Descent.Trees;
using Descent.Trees.Criteria;

namespace Descent.Cli.Models;

/// <summary>
/// Every MODEL of <c>descent fit</c> (and of any command that trains, such as <c>report</c>), with its options and
/// defaults as ../shared/CLI.md lists them (scikit-learn's defaults unless stated) and the estimator they configure.
/// Adding a model is adding one entry here.
/// </summary>
internal static class ModelCatalog
{
    /// <summary>The models, in the order of the CLI contract's table.</summary>
    public static IReadOnlyList<ModelEntry> All { get; } =
    [
        new("linear", false, true, "Linear regression: ordinary least squares (--solver normal, the minimum-norm solution when " +
            "columns are collinear) or gradient descent on J = 1/(2m)·Σ(h(x) − y)² (gd, sgd, minibatch).", Linear),
        new("ridge", false, false, "Linear least squares with an L2 penalty α·‖w‖² (scikit-learn's Ridge).", () =>
        {
            var alpha = Alpha();
            return new([alpha], (p, _) => Estimator.Of(new Ridge { Alpha = p.GetValue(alpha) }));
        }),
        new("lasso", false, true, "Linear regression with an L1 penalty α·‖w‖₁ by coordinate descent (scikit-learn's Lasso).", () =>
        {
            var (alpha, maxIter, tol) = (Alpha(), MaxIter(1000), Tol(1e-4));
            return new([alpha, maxIter, tol], (p, _) => Estimator.Of(new Lasso
            {
                Alpha = p.GetValue(alpha), MaxIterations = p.GetValue(maxIter), Tolerance = p.GetValue(tol),
            }));
        }),
        new("elasticnet", false, true, "Linear regression with L1 and L2 penalties by coordinate descent (scikit-learn's ElasticNet).", () =>
        {
            var (alpha, maxIter, tol) = (Alpha(), MaxIter(1000), Tol(1e-4));
            var ratio = CommonOptions.Double("--l1-ratio", "The L1 share ρ of the penalty: 1 is the lasso, 0 ridge.", 0.5, 0, 1);
            return new([alpha, ratio, maxIter, tol], (p, _) => Estimator.Of(new ElasticNet
            {
                Alpha = p.GetValue(alpha), L1Ratio = p.GetValue(ratio), MaxIterations = p.GetValue(maxIter), Tolerance = p.GetValue(tol),
            }));
        }),
        new("logistic", true, true, "Logistic regression minimising C·Σ log-loss + ‖w‖²/2 (scikit-learn's LogisticRegression); " +
            "two classes: binary, more: multinomial.", () => Logistic(multinomial: false)),
        new("softmax", true, true, "Softmax (multinomial logistic) regression, the same objective with one weight row per class.",
            () => Logistic(multinomial: true)),
        new("perceptron", true, true, "Rosenblatt's perceptron (scikit-learn's Perceptron; one-vs-rest for more than two classes).", () =>
        {
            var epochs = CommonOptions.Int("--epochs", "Most passes over the data.", 1000, min: 1);
            var rate = LearningRate(1.0);
            var tol = Tol(1e-3);
            return new([epochs, rate, tol], (p, seed) => Estimator.Of(new Perceptron
            {
                MaxIterations = p.GetValue(epochs), LearningRate = p.GetValue(rate), Tolerance = p.GetValue(tol), Seed = seed,
            }));
        }),
        new("tree-classifier", true, false, "A decision tree on Gini impurity or entropy (scikit-learn's DecisionTreeClassifier).", () =>
        {
            var t = new TreeOptions(classifier: true, forest: false);
            return new(t.Options, (p, seed) => Estimator.Of(new DecisionTreeClassifier
            {
                Criterion = t.Classification(p), MaxDepth = p.GetValue(t.MaxDepth), MinSamplesSplit = p.GetValue(t.MinSamplesSplit),
                MinSamplesLeaf = p.GetValue(t.MinSamplesLeaf), MaxFeatures = p.GetValue(t.MaxFeatures), Seed = seed,
            }));
        }),
        new("tree-regressor", false, false, "A regression tree on squared error (scikit-learn's DecisionTreeRegressor).", () =>
        {
            var t = new TreeOptions(classifier: false, forest: false);
            return new(t.Options, (p, seed) => Estimator.Of(new DecisionTreeRegressor
            {
                Criterion = SplitCriteria.SquaredError, MaxDepth = p.GetValue(t.MaxDepth), MinSamplesSplit = p.GetValue(t.MinSamplesSplit),
                MinSamplesLeaf = p.GetValue(t.MinSamplesLeaf), MaxFeatures = p.GetValue(t.MaxFeatures), Seed = seed,
            }));
        }),
        new("forest-classifier", true, true, "A random forest of classification trees (scikit-learn's RandomForestClassifier).", () =>
        {
            var t = new TreeOptions(classifier: true, forest: true);
            return new(t.Options, (p, seed) => Estimator.Of(new RandomForestClassifier
            {
                TreeCount = p.GetValue(t.TreeCount!), Criterion = t.Classification(p), MaxDepth = p.GetValue(t.MaxDepth),
                MinSamplesSplit = p.GetValue(t.MinSamplesSplit), MinSamplesLeaf = p.GetValue(t.MinSamplesLeaf),
                MaxFeatures = p.GetValue(t.MaxFeatures), Bootstrap = p.GetValue(t.Bootstrap!), Seed = seed,
            }));
        }),
        new("forest-regressor", false, true, "A random forest of regression trees (scikit-learn's RandomForestRegressor).", () =>
        {
            var t = new TreeOptions(classifier: false, forest: true);
            return new(t.Options, (p, seed) => Estimator.Of(new RandomForestRegressor
            {
                TreeCount = p.GetValue(t.TreeCount!), Criterion = SplitCriteria.SquaredError, MaxDepth = p.GetValue(t.MaxDepth),
                MinSamplesSplit = p.GetValue(t.MinSamplesSplit), MinSamplesLeaf = p.GetValue(t.MinSamplesLeaf),
                MaxFeatures = p.GetValue(t.MaxFeatures), Bootstrap = p.GetValue(t.Bootstrap!), Seed = seed,
            }));
        }),
        new("mlp-classifier", true, true, "A multi-layer perceptron classifier trained by Adam or SGD (scikit-learn's MLPClassifier).",
            () => MlpOptions.Bind(classifier: true)),
        new("mlp-regressor", false, true, "A multi-layer perceptron for regression trained by Adam or SGD (scikit-learn's MLPRegressor).",
            () => MlpOptions.Bind(classifier: false)),
    ];

    /// <summary>The entry called <paramref name="name"/>, or null.</summary>
    public static ModelEntry? Find(string name) => All.FirstOrDefault(e => e.Name == name);

    private static ModelBinding Linear()
    {
        var solver = ModelOptions.Choice("--solver", "How to find w: the normal equation, or batch, stochastic or mini-batch gradient descent",
            "normal", "gd", "sgd", "minibatch");
        var rate = LearningRate(0.01);
        var epochs = CommonOptions.Int("--epochs", "Passes over the data (gradient-descent solvers).", 1000, min: 1);
        var batch = CommonOptions.Int("--batch-size", "Rows per step (minibatch).", 32, min: 1);
        var tol = Tol(1e-6, "Early stop when the cost improves by less than this fraction for 5 epochs (gradient-descent solvers; 0 runs every epoch).");
        return new([solver, rate, epochs, batch, tol], (p, seed) =>
        {
            string name = p.GetValue(solver)!;
            if (name == "normal")
                ModelOptions.OnlyFor(p, "by --solver gd, sgd or minibatch", rate, epochs, batch, tol);
            else if (name != "minibatch")
                ModelOptions.OnlyFor(p, "by --solver minibatch", batch);
            return Estimator.Of(new LinearRegression
            {
                Solver = name switch
                {
                    "gd" => LinearRegressionSolver.BatchGradientDescent,
                    "sgd" => LinearRegressionSolver.StochasticGradientDescent,
                    "minibatch" => LinearRegressionSolver.MiniBatchGradientDescent,
                    _ => LinearRegressionSolver.Normal,
                },
                LearningRate = p.GetValue(rate), Epochs = p.GetValue(epochs), BatchSize = p.GetValue(batch), Tolerance = p.GetValue(tol),
                Seed = seed,
            });
        });
    }

    private static ModelBinding Logistic(bool multinomial)
    {
        var penalty = ModelOptions.Choice("--penalty", "The penalty on the weights", "l2", "none");
        var c = CommonOptions.Double("--c", "Inverse penalty strength C (scikit-learn's C): smaller C, stronger penalty.", 1.0, 0, minExclusive: true);
        var solver = ModelOptions.Choice("--solver",
            "The minimiser: L-BFGS, Newton-CG, gradient descent, or mini-batch SGD, SGD with momentum or Adam",
            "lbfgs", "newton", "gd", "sgd", "momentum", "adam");
        var maxIter = MaxIter(100, "Most iterations of the solver (epochs of sgd, momentum and adam).");
        var tol = Tol(LogisticRegression.DefaultTolerance,
            "Stop when the gradient's largest component is at most this; given, it is honoured (sgd, momentum, adam: when the " +
            "epoch's loss stops improving by it).");
        var rate = LearningRate(0.1, " (--solver gd, sgd, momentum or adam)");
        var batch = CommonOptions.Int("--batch-size", "Rows per step (--solver sgd, momentum or adam).", 32, min: 1);
        return new([penalty, c, solver, maxIter, tol, rate, batch], (p, seed) =>
        {
            string name = p.GetValue(solver)!;
            if (name is "lbfgs" or "newton")
                ModelOptions.OnlyFor(p, "by --solver gd, sgd, momentum or adam", rate);
            if (name is not ("sgd" or "momentum" or "adam"))
                ModelOptions.OnlyFor(p, "by --solver sgd, momentum or adam", batch);
            var (pen, cValue, iterations, learningRate, batchSize) = (
                p.GetValue(penalty) == "none" ? LogisticPenalty.None : LogisticPenalty.L2, p.GetValue(c),
                p.GetValue(maxIter), p.GetValue(rate), p.GetValue(batch));
            double? tolerance = ModelOptions.WasGiven(p, tol) ? p.GetValue(tol) : null;
            var sol = name switch
            {
                "newton" => LogisticSolver.Newton,
                "gd" => LogisticSolver.GradientDescent,
                "sgd" => LogisticSolver.Sgd,
                "momentum" => LogisticSolver.Momentum,
                "adam" => LogisticSolver.Adam,
                _ => LogisticSolver.Lbfgs,
            };
            return multinomial
                ? Estimator.Of(new SoftmaxRegression
                {
                    Penalty = pen, C = cValue, Solver = sol, MaxIterations = iterations, Tolerance = tolerance, LearningRate = learningRate,
                    BatchSize = batchSize, Seed = seed,
                })
                : Estimator.Of(new LogisticRegression
                {
                    Penalty = pen, C = cValue, Solver = sol, MaxIterations = iterations, Tolerance = tolerance, LearningRate = learningRate,
                    BatchSize = batchSize, Seed = seed,
                });
        });
    }

    private static Option<double> Alpha() =>
        CommonOptions.Double("--alpha", "Penalty strength α ≥ 0 (0 is ordinary least squares).", 1.0, min: 0);

    private static Option<int> MaxIter(int defaultValue, string description = "Most iterations of the solver.") =>
        CommonOptions.Int("--max-iter", description, defaultValue, min: 1);

    private static Option<double> Tol(double defaultValue, string description = "Stopping tolerance of the solver.") =>
        CommonOptions.Double("--tol", description, defaultValue, min: 0);

    private static Option<double> LearningRate(double defaultValue, string extra = "") =>
        CommonOptions.Double("--learning-rate", "Step size η > 0" + extra + ".", defaultValue, 0, minExclusive: true);

    /// <summary>The options shared by trees and forests.</summary>
    private sealed class TreeOptions
    {
        private readonly Option<string>? _criterion;

        public TreeOptions(bool classifier, bool forest)
        {
            _criterion = classifier
                ? ModelOptions.Choice("--criterion", "The impurity a split must decrease", "gini", "entropy")
                : ModelOptions.Choice("--criterion", "The impurity a split must decrease", "squared-error");
            MaxDepth = ModelOptions.OptionalInt("--max-depth", "The deepest a leaf may be (default: no limit).", 1);
            MinSamplesSplit = CommonOptions.Int("--min-samples-split", "The fewest rows a node needs to be split.", 2, min: 2);
            MinSamplesLeaf = CommonOptions.Int("--min-samples-leaf", "The fewest rows each leaf keeps.", 1, min: 1);
            MaxFeatures = ModelOptions.MaxFeaturesOption(forest && classifier ? Descent.Trees.MaxFeatures.Sqrt : Descent.Trees.MaxFeatures.All);
            var options = new List<Option> { _criterion, MaxDepth, MinSamplesSplit, MinSamplesLeaf, MaxFeatures };
            if (forest)
            {
                TreeCount = CommonOptions.Int("--n-estimators", "Number of trees.", 100, min: 1);
                Bootstrap = ModelOptions.Bool("--bootstrap", "Train each tree on a bootstrap sample of the rows.", true);
                options.Insert(0, TreeCount);
                options.Add(Bootstrap);
            }
            Options = options;
        }

        public IReadOnlyList<Option> Options { get; }

        public Option<int?> MaxDepth { get; }

        public Option<int> MinSamplesSplit { get; }

        public Option<int> MinSamplesLeaf { get; }

        public Option<MaxFeatures> MaxFeatures { get; }

        public Option<int>? TreeCount { get; }

        public Option<bool>? Bootstrap { get; }

        public IClassificationCriterion Classification(ParseResult parse) =>
            parse.GetValue(_criterion!) == "entropy" ? SplitCriteria.Entropy : SplitCriteria.Gini;
    }
}
