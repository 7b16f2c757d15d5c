namespace Descent.Plotting;

/// <summary>
/// The Okabe–Ito colour-blind-safe palette (Okabe and Ito, 2008), in an order that keeps neighbours distinct for
/// deuteranopia, protanopia and tritanopia, and the marker shapes that go with it so classes differ by shape too.
/// </summary>
public static class Palette
{
    private static readonly Color[] OkabeIto =
    [
        Color.FromHex("#0072b2"), // blue
        Color.FromHex("#e69f00"), // orange
        Color.FromHex("#009e73"), // bluish green
        Color.FromHex("#d55e00"), // vermillion
        Color.FromHex("#cc79a7"), // reddish purple
        Color.FromHex("#56b4e9"), // sky blue
        Color.FromHex("#000000"), // black
        Color.FromHex("#f0e442"), // yellow (last: low contrast on white)
    ];

    private static readonly MarkerShape[] Shapes =
    [
        MarkerShape.Circle, MarkerShape.Square, MarkerShape.TriangleUp, MarkerShape.Diamond,
        MarkerShape.TriangleDown, MarkerShape.Plus, MarkerShape.Cross,
    ];

    /// <summary>Number of distinct palette colours before they repeat.</summary>
    public static int Count => OkabeIto.Length;

    /// <summary>The i-th colour of the palette (cycling).</summary>
    public static Color At(int index) => OkabeIto[((index % OkabeIto.Length) + OkabeIto.Length) % OkabeIto.Length];

    /// <summary>The i-th marker shape (cycling), paired with <see cref="At"/> for class i.</summary>
    public static MarkerShape MarkerAt(int index) => Shapes[((index % Shapes.Length) + Shapes.Length) % Shapes.Length];

    /// <summary>Neutral grey for reference lines (the chance diagonal, zero lines).</summary>
    public static Color Grey { get; } = Color.FromHex("#7f7f7f");
}
