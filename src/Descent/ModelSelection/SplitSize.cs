using System.Globalization;

namespace Descent.ModelSelection;

/// <summary>
/// The size of a train or test set as scikit-learn reads <c>test_size</c>/<c>train_size</c>: a <see cref="double"/>
/// is a fraction of the samples (in (0, 1)), an <see cref="int"/> an absolute count. Both convert implicitly:
/// <c>TestSize = 0.25</c> or <c>TestSize = 30</c>.
/// </summary>
public readonly record struct SplitSize
{
    private SplitSize(double value, bool isFraction)
    {
        Value = value;
        IsFraction = isFraction;
    }

    /// <summary>The fraction or the count.</summary>
    public double Value { get; }

    /// <summary>True for a fraction of the samples, false for a count.</summary>
    public bool IsFraction { get; }

    /// <summary>A fraction of the samples.</summary>
    public static SplitSize Fraction(double fraction) => new(fraction, true);

    /// <summary>A number of samples.</summary>
    public static SplitSize Count(int count) => new(count, false);

    /// <summary>A fraction of the samples.</summary>
    public static implicit operator SplitSize(double fraction) => Fraction(fraction);

    /// <summary>A number of samples.</summary>
    public static implicit operator SplitSize(int count) => Count(count);

    /// <summary>As Python prints it: 0.25 or 30.</summary>
    public override string ToString()
    {
        if (!IsFraction)
            return ((long)Value).ToString(CultureInfo.InvariantCulture);
        string text = Value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}

/// <summary>The rows of one split: indices into the data for training and for testing.</summary>
/// <param name="Train">Row indices of the training set.</param>
/// <param name="Test">Row indices of the test (validation) set.</param>
public sealed record TrainTestIndices(int[] Train, int[] Test);
