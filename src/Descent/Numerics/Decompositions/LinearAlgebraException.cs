namespace Descent.Numerics.Decompositions;

/// <summary>
/// A matrix cannot be factorized or a system cannot be solved as asked (numpy's <c>LinAlgError</c>).
/// <see cref="PivotIndex"/> and <see cref="PivotValue"/> say where the factorization broke down.
/// </summary>
public abstract class LinearAlgebraException : ArithmeticException
{
    /// <summary>An error at pivot <paramref name="pivotIndex"/> (0-based) whose value was <paramref name="pivotValue"/>.</summary>
    protected LinearAlgebraException(string message, int pivotIndex, double pivotValue)
        : base(message)
    {
        PivotIndex = pivotIndex;
        PivotValue = pivotValue;
    }

    /// <summary>The 0-based index of the pivot (diagonal element) at which the factorization failed.</summary>
    public int PivotIndex { get; }

    /// <summary>The value of that pivot.</summary>
    public double PivotValue { get; }
}

/// <summary>A square system A·x = b has no unique solution: A is singular (to working precision).</summary>
public sealed class SingularMatrixException : LinearAlgebraException
{
    /// <summary>A singular-matrix error with its full message.</summary>
    public SingularMatrixException(string message, int pivotIndex, double pivotValue)
        : base(message, pivotIndex, pivotValue)
    {
    }
}

/// <summary>Cholesky factorization failed: the matrix is not (numerically) symmetric positive definite.</summary>
public sealed class NotPositiveDefiniteException : LinearAlgebraException
{
    /// <summary>A not-positive-definite error with its full message.</summary>
    public NotPositiveDefiniteException(string message, int pivotIndex, double pivotValue)
        : base(message, pivotIndex, pivotValue)
    {
    }
}
