using System.Globalization;
using Descent.Numerics;

namespace Descent.Autograd;

/// <summary>
/// Checks backward rules against finite differences, as <c>torch.autograd.gradcheck</c>: for a function f of some
/// tensors, every entry of the Jacobian ∂f/∂input is computed twice, by <see cref="Tensor{T}.Backward"/> (one backward
/// per output element, with a one-hot gradient) and by central differences
/// (f(x + ε) − f(x − ε)) / 2ε, and the two must agree: |analytical − numerical| ≤ atol + rtol·|numerical|.
/// Works in double, where ε = 1e-6 leaves about 1e-10 of rounding and truncation error.
/// </summary>
/// <example><code>
/// var a = Tensor.From(new[] { 0.3, -1.2 }, requiresGrad: true);
/// GradCheck.Check(t => (t[0] * t[0]).Exp().Sum(), a);
/// </code></example>
public static class GradCheck
{
    /// <summary>
    /// The largest disagreement between analytical and numerical Jacobian entries of <paramref name="function"/> at
    /// <paramref name="inputs"/> (only the inputs that require grad are checked). The inputs' values and gradients are
    /// left as they were.
    /// </summary>
    /// <exception cref="ArgumentException">No input requires grad, or the function's result does not depend on one that does.</exception>
    public static GradCheckResult Run(Func<IReadOnlyList<Tensor<double>>, Tensor<double>> function, IReadOnlyList<Tensor<double>> inputs,
        double epsilon = 1e-6, double absoluteTolerance = 1e-5, double relativeTolerance = 1e-3)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(inputs);
        Check(epsilon > 0 && double.IsFinite(epsilon), nameof(epsilon), epsilon);
        Check(absoluteTolerance >= 0, nameof(absoluteTolerance), absoluteTolerance);
        Check(relativeTolerance >= 0, nameof(relativeTolerance), relativeTolerance);
        if (!inputs.Any(t => t.RequiresGrad))
            throw new ArgumentException("GradCheck: no input requires grad, so there is no gradient to check.", nameof(inputs));

        var savedGrads = inputs.Select(t => t.Grad?.Data.Copy()).ToArray();
        try
        {
            var analytical = Analytical(function, inputs);
            var numerical = Numerical(function, inputs, epsilon);
            var worst = new GradCheckResult(true, 0, -1, -1, -1, 0, 0);
            double worstExcess = double.NegativeInfinity;
            for (int input = 0; input < inputs.Count; input++)
            {
                if (analytical[input] is not { } a)
                    continue;
                var n = numerical[input]!;
                for (int output = 0; output < a.Rows; output++)
                    for (int element = 0; element < a.Columns; element++)
                    {
                        double exact = a[output, element], approximate = n[output, element];
                        double error = Math.Abs(exact - approximate);
                        double excess = error - (absoluteTolerance + relativeTolerance * Math.Abs(approximate));
                        if (excess > worstExcess || double.IsNaN(error))
                        {
                            worstExcess = double.IsNaN(error) ? double.PositiveInfinity : excess;
                            worst = new GradCheckResult(!(worstExcess > 0), error, input, element, output, exact, approximate);
                        }
                    }
            }
            return worst;
        }
        finally
        {
            for (int i = 0; i < inputs.Count; i++)
                inputs[i].SetGrad(savedGrads[i]);
        }
    }

    /// <summary>True when every Jacobian entry agrees (see <see cref="Run"/>); otherwise throws, naming the worst entry.</summary>
    /// <exception cref="InvalidOperationException">An entry disagrees: a backward rule is wrong (or the function is not differentiable there).</exception>
    public static bool Check(Func<IReadOnlyList<Tensor<double>>, Tensor<double>> function, params Tensor<double>[] inputs)
    {
        var result = Run(function, inputs);
        if (!result.Passed)
            throw new InvalidOperationException("GradCheck: " + result);
        return true;
    }

    /// <summary>For each input that requires grad, its Jacobian as (output elements) × (input elements), by backward passes.</summary>
    private static Matrix<double>?[] Analytical(Func<IReadOnlyList<Tensor<double>>, Tensor<double>> function, IReadOnlyList<Tensor<double>> inputs)
    {
        var output = function(inputs);
        if (!output.RequiresGrad)
            throw new ArgumentException("GradCheck: the function's result does not depend on any input that requires grad.", nameof(function));
        var jacobians = inputs.Select(t => t.RequiresGrad ? new Matrix<double>(output.Length, t.Length) : null).ToArray();
        var seed = Tensor.ZerosLike(output);
        for (int k = 0; k < output.Length; k++)
        {
            foreach (var input in inputs)
                input.SetGrad(null);
            seed.Data[k / seed.Data.Columns, k % seed.Data.Columns] = 1;
            output.Backward(seed, retainGraph: true);
            seed.Data[k / seed.Data.Columns, k % seed.Data.Columns] = 0;
            for (int i = 0; i < inputs.Count; i++)
                if (jacobians[i] is { } jacobian && inputs[i].Grad is { } grad)
                    grad.Data.Reshape(1, -1).CopyTo(jacobian.RowRange(k, 1));
        }
        return jacobians;
    }

    /// <summary>For each input that requires grad, its Jacobian by central differences, one element of the input at a time.</summary>
    private static Matrix<double>?[] Numerical(Func<IReadOnlyList<Tensor<double>>, Tensor<double>> function, IReadOnlyList<Tensor<double>> inputs,
        double epsilon)
    {
        var jacobians = new Matrix<double>?[inputs.Count];
        using var _ = Tensor.NoGrad();
        for (int i = 0; i < inputs.Count; i++)
        {
            var data = inputs[i].Data;
            if (!inputs[i].RequiresGrad)
                continue;
            Matrix<double>? jacobian = null;
            for (int e = 0; e < inputs[i].Length; e++)
            {
                int row = e / data.Columns, column = e % data.Columns;
                double original = data[row, column];
                data[row, column] = original + epsilon;
                var plus = function(inputs).Data.ToArray();
                data[row, column] = original - epsilon;
                var minus = function(inputs).Data.ToArray();
                data[row, column] = original;
                jacobian ??= new Matrix<double>(plus.Length, inputs[i].Length);
                for (int k = 0; k < plus.Length; k++)
                    jacobian[k, e] = (plus[k] - minus[k]) / (2 * epsilon);
            }
            jacobians[i] = jacobian ?? new Matrix<double>(0, 0);
        }
        return jacobians;
    }

    private static void Check(bool valid, string name, double value)
    {
        if (!valid)
            throw new ArgumentOutOfRangeException(name, value,
                $"GradCheck: {name} must be {(name == "epsilon" ? "a finite number > 0" : ">= 0")}, got {value.ToString("R", CultureInfo.InvariantCulture)}.");
    }
}

/// <summary>
/// The outcome of <see cref="GradCheck.Run"/>: whether all Jacobian entries agreed, and the entry that agreed least
/// (input index, element of that input, element of the output, and both values).
/// </summary>
public sealed record GradCheckResult(bool Passed, double MaxError, int Input, int InputElement, int OutputElement,
    double Analytical, double Numerical)
{
    /// <summary>"passed: largest error 3.1E-011 ..." or "failed: ..." with the worst entry.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{(Passed ? "passed" : "failed")}: largest error {MaxError:E2} at input {Input}, element {InputElement}, output element {OutputElement} " +
        $"(backward gave {Analytical:R}, finite differences {Numerical:R}).");
}
