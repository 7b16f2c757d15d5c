using System.Globalization;

namespace Descent;

/// <summary>
/// One class label exactly as written in the data ("3", "setosa"), with its numeric value when it is a number.
/// Labels order as scikit-learn orders classes: by number when both are numbers, otherwise by ordinal string comparison.
/// </summary>
public readonly record struct Label : IComparable<Label>
{
    /// <summary>A label from its text; it is numeric when the text parses as an invariant-culture number.</summary>
    public Label(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Number = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value) ? value : double.NaN;
    }

    /// <summary>The label as written.</summary>
    public string Text { get; }

    /// <summary>The numeric value, or NaN when the label is not a number.</summary>
    public double Number { get; }

    /// <summary>True when the label is a finite number.</summary>
    public bool IsNumber => !double.IsNaN(Number);

    /// <summary>Numbers by value, anything else by ordinal string comparison.</summary>
    public int CompareTo(Label other) =>
        IsNumber && other.IsNumber ? Number.CompareTo(other.Number) : string.CompareOrdinal(Text, other.Text);

    /// <summary>The label as written.</summary>
    public override string ToString() => Text;

    /// <summary>A label from an integer class (written in invariant culture).</summary>
    public static implicit operator Label(int value) => new(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A label from a string.</summary>
    public static implicit operator Label(string text) => new(text);
}
