using System.CommandLine;
using System.Globalization;
using Descent.Cli.Infrastructure;
using Descent.NeuralNetworks;

namespace Descent.Cli.Models;

/// <summary>
/// The options of <c>fit mlp-classifier</c> and <c>fit mlp-regressor</c> (docs/CLI.md's table): <c>--hidden</c>,
/// <c>--activation</c>, <c>--optimizer adam|sgd|momentum</c> (momentum is scikit-learn's SGD: μ = 0.9, Nesterov),
/// <c>--learning-rate</c>, <c>--batch-size</c>, <c>--epochs</c>, <c>--alpha</c>, <c>--early-stopping</c>,
/// <c>--validation-fraction</c>, <c>--tol</c>; <c>--seed</c> seeds the weights, shuffles and validation split.
/// </summary>
internal static class MlpOptions
{
    private static readonly string[] Activations = ["relu", "tanh", "sigmoid", "leaky-relu", "identity"];

    public static ModelBinding Bind(bool classifier)
    {
        var hidden = Hidden();
        var activation = ModelOptions.Choice("--activation", "The hidden layers' activation", Activations);
        var optimizer = ModelOptions.Choice("--optimizer", "How steps are taken: Adam, plain SGD, or SGD with Nesterov momentum 0.9",
            "adam", "sgd", "momentum");
        var rate = CommonOptions.Double("--learning-rate", "The first step size η > 0.", 0.001, 0, minExclusive: true);
        var batch = ModelOptions.OptionalInt("--batch-size", "Rows per step (default: min(200, rows)).", 1);
        var epochs = CommonOptions.Int("--epochs", "Most passes over the data.", 200, min: 1);
        var alpha = CommonOptions.Double("--alpha", "The L2 penalty α ≥ 0 on the weights.", 1e-4, min: 0);
        var early = ModelOptions.Bool("--early-stopping", "Hold out --validation-fraction of the rows and stop when their score stops improving.", false);
        var fraction = CommonOptions.Double("--validation-fraction", "The share of rows held out with --early-stopping, in (0, 1).", 0.1, 0, 1,
            minExclusive: true, maxExclusive: true);
        var tol = CommonOptions.Double("--tol", "The improvement of the loss (or validation score) that counts.", 1e-4, min: 0);
        return new([hidden, activation, optimizer, rate, batch, epochs, alpha, early, fraction, tol], (p, seed) =>
        {
            if (!p.GetValue(early) && ModelOptions.WasGiven(p, fraction))
                throw new CliUsageException("--validation-fraction is used only with --early-stopping; add --early-stopping or drop it.");
            string name = p.GetValue(optimizer)!;
            var act = p.GetValue(activation) switch
            {
                "tanh" => MlpActivation.Tanh,
                "sigmoid" => MlpActivation.Logistic,
                "leaky-relu" => MlpActivation.LeakyRelu,
                "identity" => MlpActivation.Identity,
                _ => MlpActivation.Relu,
            };
            var (sizes, solver, momentum) = (p.GetValue(hidden)!, name == "adam" ? MlpSolver.Adam : MlpSolver.Sgd, name == "momentum" ? 0.9 : 0.0);
            var (eta, rows, max, penalty, stop, share, tolerance) = (p.GetValue(rate), p.GetValue(batch), p.GetValue(epochs), p.GetValue(alpha),
                p.GetValue(early), p.GetValue(fraction), p.GetValue(tol));
            return classifier
                ? Estimator.Of(new MlpClassifier
                {
                    HiddenLayerSizes = sizes, Activation = act, Solver = solver, Momentum = momentum, LearningRate = eta, BatchSize = rows,
                    MaxIterations = max, Alpha = penalty, EarlyStopping = stop, ValidationFraction = share, Tolerance = tolerance, Seed = seed,
                })
                : Estimator.Of(new MlpRegressor
                {
                    HiddenLayerSizes = sizes, Activation = act, Solver = solver, Momentum = momentum, LearningRate = eta, BatchSize = rows,
                    MaxIterations = max, Alpha = penalty, EarlyStopping = stop, ValidationFraction = share, Tolerance = tolerance, Seed = seed,
                });
        });
    }

    /// <summary><c>--hidden 128,64</c>: the hidden layer widths, each a whole number ≥ 1 (default 100).</summary>
    private static Option<int[]> Hidden()
    {
        const string name = "--hidden";
        var option = new Option<int[]>(name)
        {
            Description = "The width of each hidden layer, comma-separated (e.g. 128,64).",
            HelpName = "N,N,...",
            DefaultValueFactory = _ => [100],
        };
        option.CustomParser = result =>
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            string[] parts = text.Split(',');
            var sizes = new int[parts.Length];
            for (int i = 0; i < parts.Length; i++)
                if (!int.TryParse(parts[i].Trim(), NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture,
                        out sizes[i]) || sizes[i] < 1)
                {
                    result.AddError($"{name} must be the hidden layer widths, comma-separated, each a whole number >= 1 " +
                        $"(for example 128,64); got '{text}'.");
                    return [100];
                }
            return sizes;
        };
        return option;
    }
}
