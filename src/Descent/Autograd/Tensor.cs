using System.Numerics;
using Descent.Numerics;

namespace Descent.Autograd;

/// <summary>
/// A scalar, vector or matrix of <typeparamref name="T"/> (<see cref="float"/> or <see cref="double"/>) that remembers
/// how it was computed, so that <see cref="Backward"/> can give the gradient of a result with respect to every tensor
/// that <see cref="RequiresGrad"/> (reverse-mode automatic differentiation, as PyTorch's autograd).
/// <para>The values live in a Numerics <see cref="Matrix{T}"/> (<see cref="Data"/>), row-major: a matrix as itself, a
/// vector of length n as one 1×n row, a scalar as 1×1. Tensors made from a matrix or vector wrap it without copying,
/// and operations broadcast as numpy and PyTorch do (a vector [n] acts as a row [1, n], a scalar as [1, 1]).</para>
/// <para>Each operation (<c>a * b</c>, <see cref="MatMul"/>, <see cref="Relu"/>, ...) is written in one file per family
/// (Tensor.Arithmetic.cs, Tensor.Reductions.cs, ...) with its backward rule beside its forward.</para>
/// </summary>
/// <example><code>
/// var w = Tensor.From(new[,] { { 1.0, 2.0 }, { 3.0, 4.0 } }, requiresGrad: true);
/// var x = Tensor.From(new[] { 0.5, -1.0 });
/// var loss = w.MatMul(x).Relu().Sum();
/// loss.Backward();            // w.Grad now holds ∂loss/∂w
/// </code></example>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed partial class Tensor<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly VersionCounter _version;

    internal Tensor(Matrix<T> data, int rank, VersionCounter? version = null)
    {
        Data = data;
        Rank = rank;
        _version = version ?? new VersionCounter();
    }

    /// <summary>
    /// The values as a matrix view (no copy): rows × columns for a matrix, 1×n for a vector, 1×1 for a scalar.
    /// Writing through it is not seen by autograd's version check; change values with <see cref="Fill"/>,
    /// <see cref="CopyFrom"/> or <see cref="AddInPlace"/> instead.
    /// </summary>
    public Matrix<T> Data { get; }

    /// <summary>0 for a scalar, 1 for a vector, 2 for a matrix.</summary>
    public int Rank { get; }

    /// <summary>The shape: [], [n] or [rows, columns].</summary>
    public TensorShape Shape => Rank switch
    {
        0 => TensorShape.Scalar,
        1 => TensorShape.Vector(Data.Columns),
        _ => TensorShape.Matrix(Data.Rows, Data.Columns),
    };

    /// <summary>The number of elements.</summary>
    public int Length => Data.Length;

    /// <summary>An optional name, shown in error messages and graph drawings (a layer's parameters are named "0.weight", ...).</summary>
    public string? Name { get; set; }

    /// <summary>How many times the values were changed in place; operations that saved this tensor check it at backward.</summary>
    public int Version => _version.Value;

    internal VersionCounter VersionCounter => _version;

    /// <summary>The value of a tensor with one element (PyTorch's <c>item()</c>).</summary>
    /// <exception cref="InvalidOperationException">The tensor has more or fewer than one element.</exception>
    public T Item()
    {
        if (Length != 1)
            throw new InvalidOperationException(
                $"Tensor.Item: only a tensor with one element has an item, but this one has shape {Shape} ({Length} elements); " +
                "read Data or ToArray() instead.");
        return Data[0, 0];
    }

    /// <summary>The values as a new row-major array.</summary>
    public T[] ToArray() => Data.ToArray();

    /// <summary>Sets every element to <paramref name="value"/> (in place; counts as a change for the version check).</summary>
    /// <exception cref="InvalidOperationException">The tensor takes part in a graph being recorded (see <see cref="CheckInPlace"/>).</exception>
    public void Fill(T value)
    {
        CheckInPlace("Fill");
        for (int i = 0; i < Data.Rows; i++)
            for (int j = 0; j < Data.Columns; j++)
                Data[i, j] = value;
        _version.Value++;
    }

    /// <summary>Copies <paramref name="values"/> (same matrix shape as <see cref="Data"/>) into this tensor, in place.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    /// <exception cref="InvalidOperationException">The tensor takes part in a graph being recorded.</exception>
    public void CopyFrom(Matrix<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckInPlace("CopyFrom");
        values.CopyTo(Data);
        _version.Value++;
    }

    /// <summary>this += alpha·other, in place (PyTorch's <c>add_(other, alpha=alpha)</c>); other broadcasts to this shape.
    /// The plain gradient-descent step is <c>using (Tensor.NoGrad()) w.AddInPlace(w.Grad!, -learningRate);</c></summary>
    /// <exception cref="ArgumentException">other does not broadcast to this tensor's shape.</exception>
    /// <exception cref="InvalidOperationException">The tensor takes part in a graph being recorded.</exception>
    public void AddInPlace(Tensor<T> other, T alpha)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckInPlace("AddInPlace");
        var scaled = alpha == T.One ? other.Data : Elementwise.Multiply(other.Data, alpha);
        Elementwise.Add(Data, scaled, Data);
        _version.Value++;
    }

    /// <summary>
    /// The values for an in-place update by library code (an optimizer's step, a layer's initialisation), counted as a
    /// change. The tensor must be contiguous (parameters are).
    /// </summary>
    internal Span<T> ValuesForUpdate()
    {
        _version.Value++;
        return Data.AsSpan();
    }

    /// <summary>
    /// Refuses an in-place change where PyTorch does: on a leaf that requires grad while grad mode is on (change it
    /// inside <see cref="Tensor.NoGrad"/>), and on a computed tensor that requires grad (its graph would be wrong).
    /// </summary>
    private void CheckInPlace(string operation)
    {
        if (!RequiresGrad || !GradMode.IsEnabled)
            return;
        throw new InvalidOperationException(IsLeaf
            ? $"Tensor.{operation}: {Describe()} is a leaf that requires grad; change it in place only inside " +
              "`using (Tensor.NoGrad()) { ... }` (as an optimizer's step does), so the change is not recorded."
            : $"Tensor.{operation}: {Describe()} was computed by '{Operation}' and requires grad; changing it in place would " +
              "make its graph wrong. Compute a new tensor instead, or change Detach()'s copy.");
    }

    /// <summary>"tensor 'name' [shape]" or "a [shape] tensor", for messages.</summary>
    internal string Describe() => Name is null ? $"a {Shape} tensor" : $"tensor '{Name}' {Shape}";

    /// <summary>A short description such as "Tensor&lt;Double&gt; [3, 4] (requires grad, from matmul)".</summary>
    public override string ToString()
    {
        string name = Name is null ? "" : $" '{Name}'";
        string grad = RequiresGrad ? IsLeaf ? " (requires grad)" : $" (requires grad, from {Operation})" : "";
        return $"Tensor<{typeof(T).Name}>{name} {Shape}{grad}";
    }
}
