using System.Numerics;

namespace Descent.Numerics;

/// <summary>Argument checks shared by the kernels and estimators; each names the operation and the offending shapes or values.</summary>
internal static class Check
{
    /// <summary>Throws unless start &gt;= 0, count &gt;= 0 and start + count &lt;= size.</summary>
    public static void Range(string what, int start, int count, int size)
    {
        if (start < 0 || count < 0 || (long)start + count > size)
            throw new ArgumentOutOfRangeException(nameof(start),
                $"{what} [{start}, {(long)start + count}) are outside [0, {size}).");
    }

    /// <summary>Throws unless both matrices have the same shape.</summary>
    public static void SameShape<T>(Matrix<T> a, Matrix<T> b, string operation) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Rows != b.Rows || a.Columns != b.Columns)
            ThrowHelper.ShapeMismatch(operation, a.Shape, b.Shape, "they must have the same shape");
    }

    /// <summary>Throws unless both lengths are equal.</summary>
    public static void SameLength(int a, int b, string operation)
    {
        if (a != b)
            ThrowHelper.LengthMismatch(operation, a, b);
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> with "Estimator: Name must be requirement, got value." unless <paramref name="valid"/>.</summary>
    public static void Parameter(bool valid, string estimator, string name, string requirement, object? value, string? hint = null)
    {
        if (!valid)
            throw new ArgumentOutOfRangeException(name, value,
                $"{estimator}: {name} must be {requirement}, got {Format(value)}.{(hint is null ? "" : " " + hint)}");
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
