using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Numerics;

/// <summary>
/// A dense one-dimensional array of <typeparamref name="T"/>, possibly a strided view into a matrix
/// (a column of a row-major matrix has stride = the matrix's row stride). Element i lives at
/// <c>Data[Offset + i*Stride]</c>.
/// </summary>
/// <typeparam name="T">The element type: <see cref="float"/> or <see cref="double"/>.</typeparam>
public sealed partial class Vec<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    internal Vec(T[] data, int offset, int length, int stride)
    {
        Data = data;
        Offset = offset;
        Length = length;
        Stride = stride;
    }

    /// <summary>A vector of <paramref name="length"/> zeros.</summary>
    public Vec(int length)
        : this(new T[length >= 0 ? length : throw new ArgumentOutOfRangeException(nameof(length), length, "Vec: length must be >= 0.")], 0, length, 1)
    {
    }

    /// <summary>A copy of <paramref name="values"/>.</summary>
    public Vec(ReadOnlySpan<T> values)
        : this(values.ToArray(), 0, values.Length, 1)
    {
    }

    /// <summary>Wraps <paramref name="values"/> as the vector's storage, without copying.</summary>
    public static Vec<T> Wrap(T[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new Vec<T>(values, 0, values.Length, 1);
    }

    internal T[] Data { get; }

    internal int Offset { get; }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>Distance in storage between element i and i + 1 (1 for a contiguous vector).</summary>
    public int Stride { get; }

    /// <summary>True when the elements are one unbroken run of storage.</summary>
    public bool IsContiguous => Stride == 1 || Length <= 1;

    /// <summary>Element <paramref name="index"/>.</summary>
    public T this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)index >= (uint)Length)
                ThrowHelper.IndexOutOfRange(nameof(index), index, Length);
            return Data[Offset + index * Stride];
        }
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        set
        {
            if ((uint)index >= (uint)Length)
                ThrowHelper.IndexOutOfRange(nameof(index), index, Length);
            Data[Offset + index * Stride] = value;
        }
    }

    /// <summary>The elements as a span (requires a contiguous vector).</summary>
    /// <exception cref="InvalidOperationException">The vector is strided; call <see cref="ToContiguous"/> first.</exception>
    public Span<T> AsSpan()
    {
        if (!IsContiguous)
            ThrowHelper.NotContiguous(new Shape(1, Length), Stride, Stride);
        return Data.AsSpan(Offset, Length);
    }

    /// <summary>Elements [start, start + count) as a view.</summary>
    public Vec<T> Slice(int start, int count)
    {
        Check.Range("elements", start, count, Length);
        return new Vec<T>(Data, Offset + start * Stride, count, Stride);
    }

    /// <summary>This vector when contiguous, otherwise a contiguous copy.</summary>
    public Vec<T> ToContiguous() => IsContiguous ? this : Copy();

    /// <summary>A contiguous copy that shares nothing with this vector.</summary>
    public Vec<T> Copy() => Wrap(ToArray());

    /// <summary>The elements as a new array.</summary>
    public T[] ToArray()
    {
        var result = new T[Length];
        for (int i = 0; i < Length; i++)
            result[i] = Data[Offset + i * Stride];
        return result;
    }

    /// <summary>The vector as a 1 x n matrix view.</summary>
    public Matrix<T> AsRowMatrix() => new(Data, Offset, 1, Length, Length * Stride, Stride);

    /// <summary>The vector as an n x 1 matrix view.</summary>
    public Matrix<T> AsColumnMatrix() => new(Data, Offset, Length, 1, Stride, 1);

    /// <summary>A short description such as "Vec&lt;Double&gt; 5".</summary>
    public override string ToString() => $"Vec<{typeof(T).Name}> {Length}";
}
