namespace Descent.Plotting;

/// <summary>
/// A continuous colour map from [0, 1] to colours, by linear interpolation between evenly spaced stops.
/// <see cref="Viridis"/> is perceptually uniform and readable in grey and by colour-blind readers.
/// </summary>
public sealed class Colormap
{
    private readonly Color[] _stops;

    /// <summary>A map through the given stops, evenly spaced over [0, 1].</summary>
    /// <exception cref="ArgumentException">Fewer than two stops.</exception>
    public Colormap(string name, IReadOnlyList<Color> stops)
    {
        ArgumentNullException.ThrowIfNull(stops);
        if (stops.Count < 2)
            throw new ArgumentException($"Colormap '{name}' needs at least 2 colour stops, got {stops.Count}.", nameof(stops));
        Name = name;
        _stops = stops.ToArray();
    }

    /// <summary>The map's name.</summary>
    public string Name { get; }

    /// <summary>The colour at t (clamped to [0, 1]; NaN gives the first stop).</summary>
    public Color At(double t)
    {
        if (!(t > 0)) return _stops[0];
        if (t >= 1) return _stops[^1];
        double position = t * (_stops.Length - 1);
        int i = (int)position;
        return Color.Lerp(_stops[i], _stops[i + 1], position - i);
    }

    /// <summary>matplotlib's viridis (17 stops sampled from its 256-entry table): dark blue to yellow.</summary>
    public static Colormap Viridis { get; } = FromHex("viridis",
        "#440154", "#48186a", "#472d7b", "#424086", "#3b528b", "#33638d", "#2c728e", "#26828e", "#21918c",
        "#1fa088", "#28ae80", "#3fbc73", "#5ec962", "#84d44b", "#addc30", "#d8e219", "#fde725");

    /// <summary>ColorBrewer's sequential Blues (as matplotlib's "Blues"): white to dark blue, for counts.</summary>
    public static Colormap Blues { get; } = FromHex("Blues",
        "#f7fbff", "#deebf7", "#c6dbef", "#9dcae1", "#6aaed6", "#4191c6", "#2070b4", "#08509b", "#08306b");

    /// <summary>
    /// A diverging map from a light tint of <paramref name="low"/> through white (at 0.5) to a light tint of
    /// <paramref name="high"/>: probability shading behind two classes drawn in those colours.
    /// </summary>
    public static Colormap Diverging(Color low, Color high, double strength = 0.55)
    {
        var white = new Color(255, 255, 255);
        return new Colormap("diverging", [Color.Lerp(white, low, strength), white, Color.Lerp(white, high, strength)]);
    }

    private static Colormap FromHex(string name, params string[] hex) => new(name, hex.Select(Color.FromHex).ToArray());
}
