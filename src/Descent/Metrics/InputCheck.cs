namespace Descent.Metrics;

/// <summary>The input checks every metric shares, with scikit-learn's wording plus where the problem is.</summary>
internal static class InputCheck
{
    /// <summary>scikit-learn's check_consistent_length: every non-empty input has as many samples as the first.</summary>
    public static void SameLength(string function, params (string Name, int Length, bool Given)[] inputs)
    {
        int first = inputs[0].Length;
        bool consistent = true;
        foreach (var (_, length, given) in inputs)
            consistent &= !given || length == first;
        if (consistent)
            return;
        var given1 = inputs.Where(i => i.Given).ToArray();
        throw new ArgumentException(
            $"{function}: Found input variables with inconsistent numbers of samples: [{string.Join(", ", given1.Select(i => i.Length))}] " +
            $"({string.Join(", ", given1.Select(i => $"{i.Name} has {i.Length}"))}); every sample needs one value in each.");
    }

    /// <summary>Throws unless there is at least one sample.</summary>
    public static void NotEmpty(string function, string name, int length)
    {
        if (length == 0)
            throw new ArgumentException(
                $"{function}: Found array with 0 sample(s) (shape=(0,)) while a minimum of 1 is required ({name} is empty).", name);
    }

    /// <summary>scikit-learn's assert_all_finite: "Input contains NaN." / "Input contains infinity ...", with the index.</summary>
    public static void Finite(string function, string name, ReadOnlySpan<double> values)
    {
        double sum = 0;
        for (int i = 0; i < values.Length; i++)
            sum += values[i] * 0.0;
        if (!double.IsNaN(sum))
            return;
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
                throw new DescentDataException(
                    $"{function}: Input contains NaN. {name}[{i}] is NaN; remove or impute missing values first.", row: i, columnName: name);
            if (double.IsInfinity(values[i]))
                throw new DescentDataException(
                    $"{function}: Input contains infinity or a value too large for dtype('float64'). {name}[{i}] is {values[i]}.",
                    row: i, columnName: name);
        }
    }

    /// <summary>Throws unless the weights are finite and do not sum to zero (numpy.average's condition).</summary>
    public static void Weights(string function, ReadOnlySpan<double> weights)
    {
        if (weights.IsEmpty)
            return;
        Finite(function, "sampleWeight", weights);
        double total = 0;
        foreach (double w in weights)
            total += w;
        if (total == 0)
            throw new ArgumentException($"{function}: Weights sum to zero, can't be normalized (sampleWeight).", "sampleWeight");
    }
}
