using System.Numerics;
using Descent.Numerics;

namespace Descent.Autograd;

/// <summary>Factories for <see cref="Tensor{T}"/> (wrapping Numerics arrays, copying .NET arrays, zeros and ones), grad mode, and concatenation.</summary>
public static partial class Tensor
{
    /// <summary>A rank-2 tensor whose values are <paramref name="values"/> itself (no copy: changes show through both).</summary>
    public static Tensor<T> Wrap<T>(Matrix<T> values, bool requiresGrad = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Tensor<T>(values, 2) { RequiresGrad = requiresGrad };
    }

    /// <summary>A rank-1 tensor whose values are <paramref name="values"/> itself (no copy; a strided vector stays strided).</summary>
    public static Tensor<T> Wrap<T>(Vec<T> values, bool requiresGrad = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Tensor<T>(values.AsRowMatrix(), 1) { RequiresGrad = requiresGrad };
    }

    /// <summary>A rank-2 tensor holding a copy of <paramref name="values"/>.</summary>
    public static Tensor<T> From<T>(T[,] values, bool requiresGrad = false) where T : unmanaged, IFloatingPointIeee754<T> =>
        Wrap(Matrix.FromArray(values), requiresGrad);

    /// <summary>A rank-1 tensor holding a copy of <paramref name="values"/>.</summary>
    public static Tensor<T> From<T>(T[] values, bool requiresGrad = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(values);
        return Wrap(new Vec<T>(values), requiresGrad);
    }

    /// <summary>A rank-0 tensor (a scalar) holding <paramref name="value"/>.</summary>
    public static Tensor<T> Scalar<T>(T value, bool requiresGrad = false) where T : unmanaged, IFloatingPointIeee754<T> =>
        new(Matrix.Filled(1, 1, value), 0) { RequiresGrad = requiresGrad };

    /// <summary>A rows × columns tensor of zeros.</summary>
    public static Tensor<T> Zeros<T>(int rows, int columns, bool requiresGrad = false) where T : unmanaged, IFloatingPointIeee754<T> =>
        Wrap(Matrix.Zeros<T>(rows, columns), requiresGrad);

    /// <summary>A vector of <paramref name="length"/> zeros.</summary>
    public static Tensor<T> Zeros<T>(int length, bool requiresGrad = false) where T : unmanaged, IFloatingPointIeee754<T> =>
        Wrap(new Vec<T>(length), requiresGrad);

    /// <summary>A tensor of ones with the shape of <paramref name="like"/> (the gradient that Backward seeds with).</summary>
    public static Tensor<T> OnesLike<T>(Tensor<T> like) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(like);
        return new Tensor<T>(Matrix.Ones<T>(like.Data.Rows, like.Data.Columns), like.Rank);
    }

    /// <summary>A tensor of zeros with the shape of <paramref name="like"/>.</summary>
    public static Tensor<T> ZerosLike<T>(Tensor<T> like) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(like);
        return new Tensor<T>(Matrix.Zeros<T>(like.Data.Rows, like.Data.Columns), like.Rank);
    }

    /// <summary>
    /// Turns off graph recording on this thread until the returned scope is disposed (PyTorch's <c>torch.no_grad()</c>):
    /// <c>using (Tensor.NoGrad()) { w.AddInPlace(w.Grad!, -0.1); }</c>. Scopes nest.
    /// </summary>
    public static NoGradScope NoGrad() => new(active: true);

    /// <summary>False inside a <see cref="NoGrad"/> scope on this thread.</summary>
    public static bool IsGradEnabled => GradMode.IsEnabled;
}
