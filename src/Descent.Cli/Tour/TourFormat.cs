using System.Globalization;
using Descent.Data;
using Descent.Numerics;

namespace Descent.Cli.Tour;

/// <summary>Number formatting and small data helpers shared by the tour's chapters.</summary>
internal static class TourFormat
{
    /// <summary><paramref name="value"/> with <paramref name="decimals"/> decimals, invariant culture.</summary>
    public static string Fixed(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A percentage with one decimal: 0.8912 → "89.1%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>An integer with thousands separators: 293081 → "293,081".</summary>
    public static string Thousands(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Invariant text of an integer.</summary>
    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One column of a dataset's features as an array.</summary>
    public static double[] Column(Dataset data, string name) => data.Features.Column(data.IndexOfFeature(name)).ToArray();

    /// <summary>A one-column matrix of <paramref name="values"/>.</summary>
    public static Matrix<double> AsColumn(double[] values) => Matrix.Wrap((double[])values.Clone(), values.Length, 1);
}
