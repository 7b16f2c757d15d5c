namespace Descent.Metrics;

/// <summary>
/// A value that may be left out, such as a positive label: <c>default</c> means "not given" (scikit-learn's
/// <c>None</c>), and any value converts to it implicitly, so <c>posLabel: "spam"</c> reads naturally.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
public readonly struct Optional<T>
{
    private readonly T _value;

    /// <summary>A given value.</summary>
    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary>True when a value was given.</summary>
    public bool HasValue { get; }

    /// <summary>The value.</summary>
    /// <exception cref="InvalidOperationException">No value was given.</exception>
    public T Value => HasValue ? _value : throw new InvalidOperationException("No value was given.");

    /// <summary>Wraps a given value.</summary>
    public static implicit operator Optional<T>(T value) => new(value);

    /// <summary>The value, or "(none)".</summary>
    public override string ToString() => HasValue ? _value?.ToString() ?? "null" : "(none)";
}
