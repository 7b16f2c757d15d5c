using Descent.Autograd;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.Autograd;

/// <summary>Seeded test tensors of any shape written as PyTorch prints sizes: "[]", "[3]", "[2, 3]".</summary>
internal static class TestTensors
{
    /// <summary>A tensor of the given shape with values uniform in [low, high), requiring grad.</summary>
    public static Tensor<double> Random(string shape, int seed, double low = -2, double high = 2, bool requiresGrad = true)
    {
        var rng = new Rng(seed);
        int[] sizes = Sizes(shape);
        var tensor = sizes.Length switch
        {
            0 => Tensor.Scalar(0.0),
            1 => Tensor.Zeros<double>(sizes[0]),
            _ => Tensor.Zeros<double>(sizes[0], sizes[1]),
        };
        var data = tensor.Data;
        for (int i = 0; i < data.Rows; i++)
            for (int j = 0; j < data.Columns; j++)
                data[i, j] = low + (high - low) * rng.NextDouble();
        tensor.RequiresGrad = requiresGrad;
        return tensor;
    }

    /// <summary>The sizes of "[2, 3]" as {2, 3}; "[]" is {}.</summary>
    public static int[] Sizes(string shape)
    {
        string inner = shape.Trim().TrimStart('[').TrimEnd(']');
        return inner.Length == 0 ? [] : inner.Split(',').Select(s => int.Parse(s.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>The values of a matrix as an array, row-major.</summary>
    public static double[] Values(Matrix<double> m) => m.ToArray();
}
