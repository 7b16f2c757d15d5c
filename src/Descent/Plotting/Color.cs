using System.Globalization;

namespace Descent.Plotting;

/// <summary>An opaque sRGB colour.</summary>
/// <param name="R">Red, 0..255.</param>
/// <param name="G">Green, 0..255.</param>
/// <param name="B">Blue, 0..255.</param>
public readonly record struct Color(byte R, byte G, byte B)
{
    /// <summary>Parses "#rrggbb".</summary>
    /// <exception cref="FormatException">The text is not of the form #rrggbb.</exception>
    public static Color FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 7 || hex[0] != '#'
            || !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int rgb))
            throw new FormatException($"Colour '{hex}' is not of the form #rrggbb (for example #0072b2).");
        return new Color((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
    }

    /// <summary>"#rrggbb", lower case.</summary>
    public string Hex => $"#{R:x2}{G:x2}{B:x2}";

    /// <summary>Relative luminance 0.2126 R + 0.7152 G + 0.0722 B of the linearised sRGB channels (WCAG).</summary>
    public double Luminance => 0.2126 * Linear(R) + 0.7152 * Linear(G) + 0.0722 * Linear(B);

    /// <summary>Black or white, whichever reads better on top of this colour.</summary>
    public Color ContrastingText => Luminance > 0.35 ? new Color(0, 0, 0) : new Color(255, 255, 255);

    /// <summary>The colour (1 - t)·a + t·b, channel by channel, t clamped to [0, 1].</summary>
    public static Color Lerp(Color a, Color b, double t)
    {
        t = Math.Clamp(t, 0, 1);
        return new Color(Mix(a.R, b.R, t), Mix(a.G, b.G, t), Mix(a.B, b.B, t));
    }

    /// <inheritdoc/>
    public override string ToString() => Hex;

    private static byte Mix(byte a, byte b, double t) => (byte)Math.Round(a + (b - a) * t, MidpointRounding.AwayFromZero);

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
