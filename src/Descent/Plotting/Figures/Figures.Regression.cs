namespace Descent.Plotting;

public static partial class Figures
{
    /// <summary>
    /// Data points and a fitted regression line or curve y = predict(x) over them (drawn over the data's x range
    /// plus 5 %).
    /// </summary>
    /// <exception cref="ArgumentException">x and y differ in length or are empty.</exception>
    public static Figure RegressionLine(IReadOnlyList<double> x, IReadOnlyList<double> y, Func<double, double> predict,
        string xLabel = "x", string yLabel = "y", string modelLabel = "fitted model", string title = "Regression fit")
    {
        ArgumentNullException.ThrowIfNull(predict);
        return Fits(x, y, [(modelLabel, predict)], xLabel, yLabel, title, clipY: false, null, null);
    }

    /// <summary>
    /// Several fitted curves over the same data: the line at successive steps of gradient descent, or polynomial
    /// fits of several degrees (see <see cref="PolynomialFits"/>).
    /// </summary>
    public static Figure RegressionLines(IReadOnlyList<double> x, IReadOnlyList<double> y,
        IReadOnlyList<(string Label, Func<double, double> Predict)> fits, string xLabel = "x", string yLabel = "y",
        string title = "Regression fits") =>
        Fits(x, y, fits, xLabel, yLabel, title, clipY: false, null, null);

    /// <summary>
    /// Polynomial fits of several degrees over the training data (and optional held-out test data): a low degree
    /// underfits, a high one passes through the training points and swings between them (overfits). The y axis is
    /// held to the data's range plus 25 %, so a wild curve leaves the plot instead of flattening the data.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ or there is no data.</exception>
    public static Figure PolynomialFits(IReadOnlyList<double> x, IReadOnlyList<double> y,
        IReadOnlyList<(int Degree, Func<double, double> Predict)> fits, IReadOnlyList<double>? testX = null,
        IReadOnlyList<double>? testY = null, string xLabel = "x", string yLabel = "y",
        string title = "Polynomial fits: underfitting and overfitting")
    {
        ArgumentNullException.ThrowIfNull(fits);
        var labelled = fits.Select(f => (f.Degree == 1 ? "degree 1 (a line)" : $"degree {f.Degree}", f.Predict)).ToArray();
        return Fits(x, y, labelled, xLabel, yLabel, title, clipY: true, testX, testY);
    }

    private static Figure Fits(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<(string Label, Func<double, double> Predict)> fits,
        string xLabel, string yLabel, string title, bool clipY, IReadOnlyList<double>? testX, IReadOnlyList<double>? testY)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || x.Count != y.Count)
            throw new ArgumentException($"Figures: x has {x.Count} values and y {y.Count}; they must match and be non-empty.");
        if ((testX is null) != (testY is null) || (testX is not null && testX.Count != testY!.Count))
            throw new ArgumentException("Figures.PolynomialFits: give testX and testY together, with the same length.");
        var figure = new Figure();
        var axes = figure.Axes;
        axes.Title = title;
        axes.XLabel = xLabel;
        axes.YLabel = yLabel;
        var (xMin, xMax) = Padded(testX is null ? x : x.Concat(testX).ToArray(), 0.05);
        var (yMin, yMax) = Padded(testY is null ? y : y.Concat(testY).ToArray(), 0.25);
        var data = axes.Scatter(x, y, testX is null ? "data" : "training data", new Color(0x44, 0x44, 0x44));
        data.Opacity = 0.7;
        if (testX is not null)
            axes.Scatter(testX, testY!, "test data", new Color(0x44, 0x44, 0x44), MarkerShape.TriangleUp).Opacity = 0.7;
        for (int k = 0; k < fits.Count; k++)
        {
            var line = axes.Function(fits[k].Predict, xMin, xMax, fits[k].Label, Palette.At(k), 500);
            line.Width = 2.4;
        }
        axes.XMin = xMin;
        axes.XMax = xMax;
        if (clipY)
        {
            axes.YMin = yMin;
            axes.YMax = yMax;
        }
        return figure;
    }
}
