namespace Descent.Plotting;

/// <summary>
/// Widths of text as a browser draws it in the figures' first font, DejaVu Sans (Debian's default sans-serif; Helvetica
/// and Arial, the fallbacks, run a little narrower): the advance width of every printable ASCII character in ems, read
/// from DejaVuSans.ttf and DejaVuSans-Bold.ttf (units per em 2048), and the widths of the few other characters the
/// figures write (Greek letters, sub- and superscripts, math operators). Layout reserves room with these widths, so
/// no label is clipped and no box is too small for its text.
/// </summary>
internal static class TextMetrics
{
    private static readonly double[] Regular =
    [
        0.318, 0.401, 0.460, 0.838, 0.636, 0.950, 0.780, 0.275, 0.390, 0.390, 0.500, 0.838, 0.318, 0.361, 0.318, 0.337,
        0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531,
        1.000, 0.684, 0.686, 0.698, 0.770, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
        0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.390, 0.337, 0.390, 0.838, 0.500,
        0.500, 0.613, 0.635, 0.550, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
        0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
    ];

    private static readonly double[] Bold =
    [
        0.348, 0.456, 0.521, 0.838, 0.696, 1.002, 0.872, 0.306, 0.457, 0.457, 0.523, 0.838, 0.380, 0.415, 0.380, 0.365,
        0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.400, 0.400, 0.838, 0.838, 0.838, 0.580,
        1.000, 0.774, 0.762, 0.734, 0.830, 0.683, 0.683, 0.821, 0.837, 0.372, 0.372, 0.775, 0.637, 0.995, 0.837, 0.850,
        0.733, 0.850, 0.770, 0.720, 0.682, 0.812, 0.774, 1.103, 0.771, 0.724, 0.725, 0.457, 0.365, 0.457, 0.838, 0.500,
        0.500, 0.675, 0.716, 0.593, 0.716, 0.678, 0.435, 0.716, 0.712, 0.343, 0.343, 0.665, 0.343, 1.042, 0.712, 0.687,
        0.716, 0.716, 0.493, 0.595, 0.478, 0.712, 0.652, 0.924, 0.645, 0.652, 0.582, 0.712, 0.365, 0.712, 0.838,
    ];

    /// <summary>The rendered width in pixels of <paramref name="text"/> at <paramref name="fontSize"/> px.</summary>
    public static double Width(string text, double fontSize, bool bold = false)
    {
        double ems = 0;
        var table = bold ? Bold : Regular;
        foreach (char c in text)
            ems += c is >= ' ' and <= '~' ? table[c - ' '] : Other(c) * (bold ? 1.08 : 1);
        return ems * fontSize;
    }

    /// <summary>Widths (ems) of the non-ASCII characters the figures use; 0.7 for anything else.</summary>
    private static double Other(char c) => c switch
    {
        >= '\u2080' and <= '\u209C' => 0.401,          // subscripts ₀₁…ₙ
        '\u00B2' or '\u00B3' or '\u00B9' or (>= '\u2070' and <= '\u207F') => 0.401, // superscripts
        '\u1D62' or '\u2C7C' => 0.179,                 // ᵢ ⱼ
        '\u00B7' => 0.318,                             // ·
        '\u2026' => 1.0,                               // …
        '\u2212' or '\u00D7' or '\u2264' or '\u2265' or '\u2248' or '\u00B1' or '\u2192' or '\u2190' => 0.838, // − × ≤ ≥ ≈ ± → ←
        '\u2211' => 0.77,                              // ∑
        '\u2202' => 0.517,                             // ∂
        '\u2207' => 0.669,                             // ∇
        '\u2013' => 0.5,                               // –
        '\u2014' => 1.0,                               // —
        '\u2019' or '\u2018' => 0.318,                 // ’ ‘
        '\u201C' or '\u201D' => 0.518,                 // “ ”
        '\u00B0' => 0.5,                               // °
        >= '\u0391' and <= '\u03C9' => 0.64,           // Greek letters
        '\u0177' => 0.592,                             // ŷ
        _ => 0.7,
    };
}
