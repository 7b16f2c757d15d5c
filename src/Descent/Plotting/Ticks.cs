using System.Globalization;

namespace Descent.Plotting;

/// <summary>
/// "Nice" tick positions: steps of 1, 2 or 5 times a power of ten on linear axes, decades (and 2, 5 between them
/// when the range is short) on log axes, and their labels.
/// </summary>
public static class Ticks
{
    /// <summary>
    /// The nice step for a range (Heckbert's rule): raw = span / maxTicks, written f × 10^k with 1 &lt;= f &lt; 10,
    /// and f rounded to 1 (f &lt; 1.5), 2 (f &lt; 3), 5 (f &lt; 7) or 10.
    /// </summary>
    public static double NiceStep(double span, int maxTicks)
    {
        if (!(span > 0) || !double.IsFinite(span)) return 1;
        double raw = span / Math.Max(1, maxTicks);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>
    /// Tick values k·step inside [min, max] with the step from <see cref="NiceStep"/>; at most about
    /// <paramref name="maxTicks"/> + 1 of them. Values are rounded to the step's decimals, so 0.1 + 0.2 gives 0.3.
    /// </summary>
    public static double[] Linear(double min, double max, int maxTicks = 6)
    {
        if (!(max > min)) return [min];
        double step = NiceStep(max - min, maxTicks);
        int decimals = Decimals(step);
        long first = (long)Math.Ceiling(min / step - 1e-9);
        long last = (long)Math.Floor(max / step + 1e-9);
        var ticks = new List<double>();
        for (long k = first; k <= last; k++)
        {
            double value = k * step;
            ticks.Add(decimals is >= 0 and <= 15 ? Math.Round(value, decimals) : value);
        }
        return ticks.ToArray();
    }

    /// <summary>
    /// Log-axis ticks in [min, max] (both &gt; 0): every decade 10^k, thinned to at most <paramref name="maxTicks"/>;
    /// when the range spans fewer than two decades, also 2·10^k and 5·10^k.
    /// </summary>
    public static double[] Log(double min, double max, int maxTicks = 8)
    {
        if (!(min > 0) || !(max > min)) return [min];
        int low = (int)Math.Floor(Math.Log10(min) + 1e-9), high = (int)Math.Ceiling(Math.Log10(max) - 1e-9);
        var ticks = new List<double>();
        double decades = Math.Log10(max / min);
        double[] multiples = decades < 2 ? [1, 2, 5] : [1];
        int stride = Math.Max(1, (int)Math.Ceiling((high - low + 1) / (double)Math.Max(1, maxTicks)));
        for (int k = low; k <= high; k++)
        {
            if (multiples.Length == 1 && (k - low) % stride != 0) continue;
            foreach (double m in multiples)
            {
                double value = m * Math.Pow(10, k);
                value = double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9)) ticks.Add(value);
            }
        }
        return ticks.ToArray();
    }

    /// <summary>
    /// A tick label: enough decimals for the step, a true minus sign (U+2212), and powers of ten with superscripts
    /// ("10⁻⁵") beyond 10^±4.
    /// </summary>
    public static string Format(double value, double step)
    {
        if (value == 0) return "0";
        double magnitude = Math.Abs(value);
        if (magnitude >= 1e5 || magnitude < 1e-4)
            return Scientific(value);
        int decimals = Math.Clamp(Decimals(step), 0, 10);
        string text = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.Replace('-', '\u2212');
    }

    /// <summary>A log-axis label: the plain number for 10^-3 .. 10^4, else m×10ᵏ with a superscript exponent.</summary>
    public static string FormatLog(double value)
    {
        double magnitude = Math.Abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e5)
            return value.ToString("0.###", CultureInfo.InvariantCulture).Replace('-', '\u2212');
        return Scientific(value);
    }

    /// <summary>
    /// A value with <paramref name="digits"/> significant digits, no exponent for 10^-3 &lt;= |v| &lt; 10^6
    /// (1050, 78.2, 0.0123), else m×10ᵏ; invariant culture, true minus sign.
    /// </summary>
    public static string Significant(double value, int digits = 3)
    {
        if (value == 0 || !double.IsFinite(value)) return value == 0 ? "0" : value.ToString(CultureInfo.InvariantCulture);
        double magnitude = Math.Abs(value);
        if (magnitude >= 1e6 || magnitude < 1e-3) return Scientific(value);
        int decimals = Math.Clamp(digits - 1 - (int)Math.Floor(Math.Log10(magnitude) + 1e-12), 0, 15);
        string text = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        if (text.Contains('.')) text = text.TrimEnd('0').TrimEnd('.');
        return text.Replace('-', '\u2212');
    }

    /// <summary>Decimals needed to write multiples of <paramref name="step"/>: max(0, -floor(log10(step))).</summary>
    internal static int Decimals(double step) =>
        step > 0 ? Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9)) : 0;

    private static string Scientific(double value)
    {
        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)) + 1e-9);
        double mantissa = value / Math.Pow(10, exponent);
        string power = "10" + Superscript(exponent);
        if (Math.Abs(Math.Abs(mantissa) - 1) < 1e-9) return (mantissa < 0 ? "\u2212" : "") + power;
        return mantissa.ToString("0.##", CultureInfo.InvariantCulture).Replace('-', '\u2212') + "×" + power;
    }

    private static string Superscript(int exponent)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var text = exponent.ToString(CultureInfo.InvariantCulture);
        var result = new System.Text.StringBuilder();
        foreach (char c in text) result.Append(c == '-' ? '⁻' : digits[c - '0']);
        return result.ToString();
    }
}
