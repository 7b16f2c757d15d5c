using System.Numerics;

namespace Descent.Numerics;

// Arithmetic operators: elementwise, like numpy's, each returning a new contiguous vector. For results written
// into an existing array (no allocation), call the Elementwise functions with a destination.
public sealed partial class Vec<T>
{
    /// <summary>x + y elementwise, two vectors of the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ; the message names both.</exception>
    public static Vec<T> operator +(Vec<T> x, Vec<T> y) => Elementwise.Add(x, y);

    /// <summary>x + y for every element x and the scalar y.</summary>
    public static Vec<T> operator +(Vec<T> x, T y) => Elementwise.Add(x, y);

    /// <summary>x + y for the scalar x and every element y.</summary>
    public static Vec<T> operator +(T x, Vec<T> y) => Elementwise.Add(y, x);

    /// <summary>x − y elementwise, two vectors of the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ; the message names both.</exception>
    public static Vec<T> operator -(Vec<T> x, Vec<T> y) => Elementwise.Subtract(x, y);

    /// <summary>x − y for every element x and the scalar y.</summary>
    public static Vec<T> operator -(Vec<T> x, T y) => Elementwise.Subtract(x, y);

    /// <summary>x − y for the scalar x and every element y.</summary>
    public static Vec<T> operator -(T x, Vec<T> y) => Elementwise.Subtract(x, y);

    /// <summary>x · y elementwise, two vectors of the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ; the message names both.</exception>
    public static Vec<T> operator *(Vec<T> x, Vec<T> y) => Elementwise.Multiply(x, y);

    /// <summary>x · y for every element x and the scalar y.</summary>
    public static Vec<T> operator *(Vec<T> x, T y) => Elementwise.Multiply(x, y);

    /// <summary>x · y for the scalar x and every element y.</summary>
    public static Vec<T> operator *(T x, Vec<T> y) => Elementwise.Multiply(y, x);

    /// <summary>x / y elementwise, two vectors of the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ; the message names both.</exception>
    public static Vec<T> operator /(Vec<T> x, Vec<T> y) => Elementwise.Divide(x, y);

    /// <summary>x / y for every element x and the scalar y.</summary>
    public static Vec<T> operator /(Vec<T> x, T y) => Elementwise.Divide(x, y);

    /// <summary>x / y for the scalar x and every element y.</summary>
    public static Vec<T> operator /(T x, Vec<T> y) => Elementwise.Divide(x, y);

    /// <summary>−x for every element.</summary>
    public static Vec<T> operator -(Vec<T> x) => Elementwise.Negate(x);
}
