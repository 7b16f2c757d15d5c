using Descent.Linear;
using Descent.Numerics;
using Descent.Plotting;

namespace Descent.Plotting.Models;

public static partial class ModelFigures
{
    /// <summary>
    /// The cost surface J(θ₀, θ₁) = 1/(2m)·Σᵢ (θ₀ + θ₁xᵢ − yᵢ)² of univariate linear regression on (x, y), with the
    /// path gradient descent took over it (<paramref name="model"/>'s recorded parameter path), the θ ranges
    /// framing the path. J is evaluated from the sums Σx, Σy, Σx², Σxy, Σy², so the grid costs O(1) per point.
    /// </summary>
    /// <param name="model">A model fitted by a gradient-descent solver on one feature (its History holds the path).</param>
    /// <param name="x">The single feature of each training row.</param>
    /// <param name="y">The target of each row.</param>
    /// <param name="featureName">The feature's name, for the axis label of θ₁.</param>
    /// <exception cref="ArgumentException">The model has no parameter path, or x and y differ in length.</exception>
    public static Figure CostSurface(LinearModel model, IReadOnlyList<double> x, IReadOnlyList<double> y, string featureName = "x")
    {
        var path = UnivariatePath(model, "CostSurface");
        var cost = UnivariateCost(x, y);
        var figure = Figures.CostSurface(cost, path, levels: 20, resolution: 120);
        figure.Axes.XLabel = "θ₀ (intercept)";
        figure.Axes.YLabel = $"θ₁ (slope on {featureName})";
        return figure;
    }

    /// <summary>
    /// The cost surface of <see cref="CostSurface"/> in 3-D beside its contours, the descent path drawn on both
    /// (<see cref="Figures.CostSurface3D(Func{double, double, double}, IReadOnlyList{double[]}, string, string)"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The model has no parameter path, or x and y differ in length.</exception>
    public static Figure CostSurface3D(LinearModel model, IReadOnlyList<double> x, IReadOnlyList<double> y, string featureName = "x") =>
        Figures.CostSurface3D(UnivariateCost(x, y), UnivariatePath(model, "CostSurface3D"), theta1Label: $"θ₁ (slope on {featureName})");

    /// <summary>
    /// The descent paths of several one-feature models fitted by gradient descent on the same (x, y) — from several
    /// seeded random starts, say — over their common cost surface (<see cref="Figures.DescentPaths"/>), each labelled
    /// with its start and its number of steps.
    /// </summary>
    /// <exception cref="ArgumentException">No model, a model without a (θ₀, θ₁) path, or x and y differ in length.</exception>
    public static Figure DescentPaths(IReadOnlyList<LinearModel> models, IReadOnlyList<double> x, IReadOnlyList<double> y, string featureName = "x",
        string title = "Gradient descent from several starts")
    {
        ArgumentNullException.ThrowIfNull(models);
        var paths = models.Select(m => UnivariatePath(m, "DescentPaths")).ToArray();
        string[] labels = paths.Select(p => $"from ({Ticks.Significant(p[0][0], 3)}, {Ticks.Significant(p[0][1], 3)}): {p.Count - 1} steps").ToArray();
        return Figures.DescentPaths(UnivariateCost(x, y), paths, labels, theta1Label: $"θ₁ (slope on {featureName})", title: title);
    }

    /// <summary>J(θ₀, θ₁) = 1/(2m)·Σᵢ (θ₀ + θ₁xᵢ − yᵢ)², from the sums of x, y, x², xy and y².</summary>
    /// <exception cref="ArgumentException">x and y differ in length or are empty.</exception>
    public static Func<double, double, double> UnivariateCost(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count == 0)
            throw new ArgumentException($"ModelFigures: x has {x.Count} values and y {y.Count}; they must match and be non-empty.");
        double m = x.Count, sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            sxy += x[i] * y[i];
            syy += y[i] * y[i];
        }
        return (t0, t1) => (m * t0 * t0 + t1 * t1 * sxx + syy + 2 * t0 * t1 * sx - 2 * t0 * sy - 2 * t1 * sxy) / (2 * m);
    }

    /// <summary>The (θ₀, θ₁) path a one-feature model recorded, or an error that says how to fit one.</summary>
    private static IReadOnlyList<double[]> UnivariatePath(LinearModel model, string function)
    {
        ArgumentNullException.ThrowIfNull(model);
        var path = model.History.ParameterPath;
        if (path is null || path.Count == 0 || path[0].Length != 2)
            throw new ArgumentException(
                $"ModelFigures.{function}: the model recorded no (θ₀, θ₁) path; fit LinearRegression with a gradient-descent solver " +
                "on exactly one feature, with an intercept.", nameof(model));
        return path;
    }

    /// <summary>The cost per iteration of an iteratively fitted linear model.</summary>
    /// <exception cref="ArgumentException">The model recorded no cost (a closed-form fit).</exception>
    public static Figure LossCurve(LinearModel model, bool logY = false, string title = "Cost during gradient descent")
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.History.Costs.Count == 0)
            throw new ArgumentException("ModelFigures.LossCurve: the model recorded no cost; it was fitted in closed form.", nameof(model));
        return Figures.LossCurve(model.History.Costs, logY, title: title, costLabel: "Cost J(θ)", iterationLabel: "Iteration");
    }

    /// <summary>
    /// Several cost curves on one plot (e.g. one per learning rate), each labelled, on a log y axis when
    /// <paramref name="logY"/>: a rate too small crawls, a good one drops fast and flattens
    /// (<see cref="Figures.LossCurves"/>).
    /// </summary>
    /// <exception cref="ArgumentException">No curve, or a curve without costs.</exception>
    public static Figure LossCurves(IReadOnlyList<(string Label, FitHistory History)> curves, bool logY = false,
        string title = "Cost per iteration for several learning rates")
    {
        ArgumentNullException.ThrowIfNull(curves);
        return Figures.LossCurves(curves.Select(c => (c.Label, c.History.Costs, false)).ToArray(), logY, title);
    }

    /// <summary>The training data and the fitted line ŷ = b + w·x of a one-feature linear model.</summary>
    /// <exception cref="ArgumentException">The model has more than one feature, or x and y differ in length.</exception>
    public static Figure RegressionLine(LinearModel model, IReadOnlyList<double> x, IReadOnlyList<double> y, string xLabel, string yLabel,
        string title = "Linear regression fit")
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.FeatureCount != 1)
            throw new ArgumentException(
                $"ModelFigures.RegressionLine: draws a model of one feature, but this one has {model.FeatureCount}.", nameof(model));
        double w = model.Coefficients[0], b = model.Intercept;
        string label = $"ŷ = {Ticks.Significant(b, 4)} + {Ticks.Significant(w, 4)}·x";
        return Figures.RegressionLine(x, y, v => b + w * v, xLabel, yLabel, label, title);
    }

    /// <summary>
    /// A regressor of two features in 3-D (<see cref="Figures.RegressionPlane"/>): the examples, the model's plane (or
    /// surface) over them and each residual as a stick; a linear model's equation in the legend.
    /// </summary>
    /// <exception cref="ArgumentException">The model is not of two features, or x is not n × 2 with one target per row.</exception>
    public static Figure RegressionPlane(IRegressionModel model, Matrix<double> x, IReadOnlyList<double> y, IReadOnlyList<string> featureNames,
        string targetName = "y", string title = "Fitted plane and residuals")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (model.FeatureCount != 2 || x.Columns != 2 || featureNames.Count != 2)
            throw new ArgumentException(
                $"ModelFigures.RegressionPlane: draws a regressor of two features over n × 2 data, got a model of {model.FeatureCount} " +
                $"features, data of {x.Columns} columns and {featureNames.Count} names; choose two features (--features a,b).", nameof(model));
        if (x.Rows != y.Count)
            throw new ArgumentException($"ModelFigures.RegressionPlane: X has {x.Rows} rows but y has {y.Count} values.", nameof(y));
        var point = new double[2];
        double Predict(double a, double b)
        {
            (point[0], point[1]) = (a, b);
            return model.Predict(Matrix.Wrap(point, 1, 2))[0];
        }
        string label = model is LinearModel linear
            ? $"ŷ = {Ticks.Significant(linear.Intercept, 4)} + {Ticks.Significant(linear.Coefficients[0], 4)}·{featureNames[0]} + {Ticks.Significant(linear.Coefficients[1], 4)}·{featureNames[1]}".Replace("+ −", "− ", StringComparison.Ordinal)
            : "model prediction ŷ";
        return Figures.RegressionPlane(x.Column(0).ToArray(), x.Column(1).ToArray(), y, Predict, featureNames[0], featureNames[1], targetName, label, title);
    }

    /// <summary>The predictions of any regression model of one feature, as a function for the curve figures.</summary>
    public static Func<double, double> OneFeature(IRegressionModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.FeatureCount != 1)
            throw new ArgumentException($"ModelFigures: expected a model of one feature, got {model.FeatureCount}.", nameof(model));
        return v => model.Predict(Matrix.FromRows([[v]]))[0];
    }
}
