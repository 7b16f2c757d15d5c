using System.Numerics.Tensors;
using Descent.Numerics;

namespace Descent.Preprocessing;

/// <summary>
/// All monomials of the features up to <see cref="Degree"/>, in scikit-learn's PolynomialFeatures column order:
/// by degree (the bias 1 first), then lexicographically by feature index, e.g. for (a, b) and degree 2:
/// 1, a, b, a², a·b, b². With <see cref="InteractionOnly"/> no feature appears twice in a term (1, a, b, a·b).
/// This is how a linear model fits curves: y ≈ θ₀ + θ₁x + θ₂x² + … is linear in the new columns.
/// </summary>
public sealed record PolynomialFeatures : ITransformer<PolynomialFeaturesModel>
{
    /// <summary>The highest total degree of a term (scikit-learn's degree, 2 by default).</summary>
    public int Degree { get; init; } = 2;

    /// <summary>Only products of distinct features (scikit-learn's interaction_only).</summary>
    public bool InteractionOnly { get; init; }

    /// <summary>Start with the constant column 1 (scikit-learn's include_bias).</summary>
    public bool IncludeBias { get; init; } = true;

    /// <summary>Learns the number of input columns and builds the list of terms.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Degree is negative, or 0 without a bias (no column would remain).</exception>
    /// <exception cref="DescentDataException">X is empty or not finite.</exception>
    /// <exception cref="InsufficientMemoryException">The terms and their columns for X's rows would exceed <see cref="MemoryBudget"/>.</exception>
    public PolynomialFeaturesModel Fit(Matrix<double> x)
    {
        Check.Parameter(Degree >= 0, nameof(PolynomialFeatures), nameof(Degree), ">= 0", Degree);
        Check.Parameter(Degree > 0 || IncludeBias, nameof(PolynomialFeatures), nameof(Degree), "> 0 when IncludeBias is false",
            Degree, "(Degree 0 without the bias column leaves no columns.)");
        DataCheck.Features(x, "PolynomialFeatures.Fit");
        CheckMemory(x.Columns, x.Rows);
        return new PolynomialFeaturesModel(x.Columns, Terms(x.Columns));
    }

    /// <summary>
    /// The number of output columns for <paramref name="features"/> input columns, counted without building them:
    /// C(n + d, d) terms of degree ≤ d (C(n, k) of each degree k with <see cref="InteractionOnly"/>), less the bias
    /// when it is left out. Saturates at <see cref="long.MaxValue"/>; at most min(n, d) steps.
    /// </summary>
    public long ColumnCount(int features)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(features);
        double total;
        if (InteractionOnly)
        {
            total = 1;   // Σ_{k ≤ min(d, n)} C(n, k), one term of each size
            double ofSize = 1;
            for (long k = 1; k <= Math.Min(Degree, features) && total < long.MaxValue; k++)
                total += ofSize = ofSize * (features - k + 1) / k;
        }
        else
        {
            total = 1;   // C(n + d, n) = Π_{i ≤ n} (d + i) / i: n steps, however large the degree
            for (long i = 1; i <= features && total < long.MaxValue; i++)
                total = total * (Degree + i) / i;
        }
        if (!IncludeBias)
            total -= 1;
        return total >= long.MaxValue ? long.MaxValue : (long)Math.Round(total);
    }

    /// <summary>Refuses, before building anything, a fit whose terms and whose transform of <paramref name="rows"/>
    /// rows (a column per term, then the output matrix) exceed <see cref="MemoryBudget"/>.</summary>
    private void CheckMemory(int features, int rows)
    {
        long columns = ColumnCount(features);
        // A term of degree k is an int[k] (24 bytes of header); there are at most `columns` terms of degree ≤ Degree.
        double termBytes = (double)columns * (24 + 4.0 * Math.Min(Degree, (double)columns));
        double bytes = termBytes + 2.0 * 8 * rows * columns;
        string what = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"degree {Degree} on {features} feature{(features == 1 ? "" : "s")} gives {(columns == long.MaxValue ? "more than 9.2e18" : columns.ToString("N0", System.Globalization.CultureInfo.InvariantCulture))} columns; building them for {rows} rows");
        MemoryBudget.Check(bytes, "PolynomialFeatures.Fit", what, "use a lower Degree or fewer features");
        if (columns > Array.MaxLength)
            throw new DescentDataException($"PolynomialFeatures.Fit: {what} is more columns than a matrix can hold; use a lower Degree or fewer features.");
    }

    /// <summary>Every term as its sorted feature indices ([] = bias, [0, 0, 1] = x₀²x₁), in output column order.</summary>
    private List<int[]> Terms(int features)
    {
        var terms = new List<int[]>();
        if (IncludeBias)
            terms.Add([]);
        var previous = new List<int[]> { Array.Empty<int>() };
        for (int degree = 1; degree <= Degree; degree++)
        {
            var current = new List<int[]>();
            foreach (var prefix in previous)
            {
                int first = prefix.Length == 0 ? 0 : prefix[^1] + (InteractionOnly ? 1 : 0);
                for (int feature = first; feature < features; feature++)
                    current.Add([.. prefix, feature]);
            }
            if (current.Count == 0)
                break;
            terms.AddRange(current);
            previous = current;
        }
        return terms;
    }
}

/// <summary>The terms chosen by <see cref="PolynomialFeatures"/>; Transform computes every term for every row.</summary>
public sealed class PolynomialFeaturesModel : IFittedTransformer
{
    private readonly int[][] _terms;
    private readonly int[] _parent;

    /// <summary>A transformer from <paramref name="inputFeatureCount"/> columns to the given terms (sorted feature indices each).</summary>
    public PolynomialFeaturesModel(int inputFeatureCount, IReadOnlyList<int[]> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        InputFeatureCount = inputFeatureCount;
        _terms = terms.Select(t => (int[])t.Clone()).ToArray();
        // Each term of degree d ≥ 2 is its (d − 1)-prefix times one feature; remember the prefix's column when it comes
        // earlier (terms loaded from a file may be in any order; a term without an earlier prefix multiplies its factors).
        var columnOf = new Dictionary<string, int>();
        for (int c = 0; c < _terms.Length; c++)
            columnOf[Key(_terms[c])] = c;
        _parent = new int[_terms.Length];
        for (int c = 0; c < _terms.Length; c++)
        {
            var term = _terms[c];
            foreach (int feature in term)
                if ((uint)feature >= (uint)inputFeatureCount)
                    throw new ArgumentException($"PolynomialFeaturesModel: term {c} uses feature {feature}, but there are {inputFeatureCount}.");
            _parent[c] = term.Length >= 2 && columnOf.TryGetValue(Key(term[..^1]), out int p) && p < c ? p : -1;
        }
    }

    /// <summary>Each output column as the sorted indices of the features multiplied in it ([] is the bias column).</summary>
    public IReadOnlyList<IReadOnlyList<int>> Terms => _terms;

    /// <inheritdoc />
    public int InputFeatureCount { get; }

    /// <inheritdoc />
    public int OutputFeatureCount => _terms.Length;

    /// <summary>Output column names in scikit-learn's get_feature_names_out style: "1", "x0", "x0^2", "x0 x1".</summary>
    /// <param name="inputNames">Names of the input columns; x0, x1, … when null.</param>
    public string[] FeatureNames(IReadOnlyList<string>? inputNames = null)
    {
        if (inputNames is not null && inputNames.Count != InputFeatureCount)
            throw new ArgumentException($"PolynomialFeaturesModel.FeatureNames: {inputNames.Count} names for {InputFeatureCount} columns.");
        var names = new string[_terms.Length];
        for (int c = 0; c < names.Length; c++)
        {
            var term = _terms[c];
            if (term.Length == 0)
            {
                names[c] = "1";
                continue;
            }
            var parts = new List<string>();
            for (int start = 0; start < term.Length;)
            {
                int end = start;
                while (end < term.Length && term[end] == term[start])
                    end++;
                string name = inputNames?[term[start]] ?? $"x{term[start]}";
                parts.Add(end - start == 1 ? name : $"{name}^{end - start}");
                start = end;
            }
            names[c] = string.Join(' ', parts);
        }
        return names;
    }

    /// <summary>The m × OutputFeatureCount matrix of every term's value for every row.</summary>
    /// <exception cref="DescentDataException">X has a different column count than at Fit, or is not finite.</exception>
    public Matrix<double> Transform(Matrix<double> x)
    {
        DataCheck.PredictionFeatures(x, InputFeatureCount, "PolynomialFeaturesModel.Transform");
        int m = x.Rows;
        // Column-major scratch: every term's column is its parent's column times one input column.
        var columns = new double[_terms.Length][];
        var input = new double[InputFeatureCount][];
        for (int j = 0; j < InputFeatureCount; j++)
            input[j] = x.Column(j).ToArray();
        for (int c = 0; c < _terms.Length; c++)
        {
            var term = _terms[c];
            var column = new double[m];
            if (term.Length == 0)
                Array.Fill(column, 1.0);
            else if (_parent[c] >= 0)
                TensorPrimitives.Multiply(columns[_parent[c]], input[term[^1]], column);
            else
            {
                input[term[0]].CopyTo(column, 0);
                for (int k = 1; k < term.Length; k++)
                    TensorPrimitives.Multiply(column, input[term[k]], column);
            }
            columns[c] = column;
        }
        int width = _terms.Length;
        var result = new Matrix<double>(m, width);
        var output = result.AsSpan();
        for (int c = 0; c < width; c++)
        {
            var column = columns[c];
            for (int i = 0; i < m; i++)
                output[i * width + c] = column[i];
        }
        return result;
    }

    private static string Key(int[] term) => string.Join(',', term);
}
