using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Descent.Numerics.Gemm;

/// <summary>
/// The two products of a linear model with few outputs K over a block of rows of X (rows contiguous, p columns),
/// without packing: X is streamed row by row, the order a hardware prefetcher follows best.
///   <see cref="RowDots"/>:            Z = X·Wᵀ,       zᵢ꜀ = xᵢ·w꜀   (W is K × p, rows contiguous);
///   <see cref="AccumulateTransposed"/>: C += Gᵀ·X,    c꜀ += Σᵢ gᵢ꜀·xᵢ (C is K × p, G is rows × K).
/// RowDots computes 4 rows × 4 (or 2) outputs per sweep along p, so every load of W serves four rows; the accumulation
/// holds a 2 (or 1) × 32 tile of C in registers while the rows go by. The caller keeps the block small enough to stay
/// in cache and calls these only where the GEMM's AVX2 + FMA kernels run.
/// </summary>
internal static partial class SkinnyGemm
{
    /// <summary>Z[i, c] = X[i, :]·W[c, :] for the rows of <paramref name="x"/>; Z row-major with K = W.Rows columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RowDots(Matrix<double> x, Matrix<double> w, Span<double> z)
    {
        int rows = x.Rows, k = w.Rows;
        int i = 0;
        for (; i + 4 <= rows; i += 4)
        {
            var x0 = x.RowSpan(i);
            var x1 = x.RowSpan(i + 1);
            var x2 = x.RowSpan(i + 2);
            var x3 = x.RowSpan(i + 3);
            int c = 0;
            for (; c + 4 <= k; c += 4)
                Dots4x4(x0, x1, x2, x3, w, c, z[(i * k + c)..], k);
            for (; c + 2 <= k; c += 2)
                Dots4x2(x0, x1, x2, x3, w.RowSpan(c), w.RowSpan(c + 1), z[(i * k + c)..], k);
            for (; c < k; c++)
            {
                var wc = w.RowSpan(c);
                z[i * k + c] = Dot(x0, wc);
                z[(i + 1) * k + c] = Dot(x1, wc);
                z[(i + 2) * k + c] = Dot(x2, wc);
                z[(i + 3) * k + c] = Dot(x3, wc);
            }
        }
        for (; i < rows; i++)
        {
            var xi = x.RowSpan(i);
            for (int c = 0; c < k; c++)
                z[i * k + c] = Dot(xi, w.RowSpan(c));
        }
    }

    /// <summary>The 4 × 2 tile z[r, c] = x_r·w_c, written at z[r·stride + c].</summary>
    private static void Dots4x2(ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, ReadOnlySpan<double> x2,
        ReadOnlySpan<double> x3, ReadOnlySpan<double> w0, ReadOnlySpan<double> w1, Span<double> z, int stride)
    {
        int p = x0.Length, j = 0;
        var a00 = Vector256<double>.Zero; var a01 = Vector256<double>.Zero;
        var a10 = Vector256<double>.Zero; var a11 = Vector256<double>.Zero;
        var a20 = Vector256<double>.Zero; var a21 = Vector256<double>.Zero;
        var a30 = Vector256<double>.Zero; var a31 = Vector256<double>.Zero;
        ref double rx0 = ref MemoryMarshal.GetReference(x0), rx1 = ref MemoryMarshal.GetReference(x1);
        ref double rx2 = ref MemoryMarshal.GetReference(x2), rx3 = ref MemoryMarshal.GetReference(x3);
        ref double rw0 = ref MemoryMarshal.GetReference(w0), rw1 = ref MemoryMarshal.GetReference(w1);
        for (; j + 4 <= p; j += 4)
        {
            nuint at = (nuint)j;
            var v0 = Vector256.LoadUnsafe(ref rw0, at);
            var v1 = Vector256.LoadUnsafe(ref rw1, at);
            var r = Vector256.LoadUnsafe(ref rx0, at);
            a00 = Vector256.FusedMultiplyAdd(r, v0, a00); a01 = Vector256.FusedMultiplyAdd(r, v1, a01);
            r = Vector256.LoadUnsafe(ref rx1, at);
            a10 = Vector256.FusedMultiplyAdd(r, v0, a10); a11 = Vector256.FusedMultiplyAdd(r, v1, a11);
            r = Vector256.LoadUnsafe(ref rx2, at);
            a20 = Vector256.FusedMultiplyAdd(r, v0, a20); a21 = Vector256.FusedMultiplyAdd(r, v1, a21);
            r = Vector256.LoadUnsafe(ref rx3, at);
            a30 = Vector256.FusedMultiplyAdd(r, v0, a30); a31 = Vector256.FusedMultiplyAdd(r, v1, a31);
        }
        z[0] = Vector256.Sum(a00) + Tail(x0, w0, j); z[1] = Vector256.Sum(a01) + Tail(x0, w1, j);
        z[stride] = Vector256.Sum(a10) + Tail(x1, w0, j); z[stride + 1] = Vector256.Sum(a11) + Tail(x1, w1, j);
        z[2 * stride] = Vector256.Sum(a20) + Tail(x2, w0, j); z[2 * stride + 1] = Vector256.Sum(a21) + Tail(x2, w1, j);
        z[3 * stride] = Vector256.Sum(a30) + Tail(x3, w0, j); z[3 * stride + 1] = Vector256.Sum(a31) + Tail(x3, w1, j);
    }

    /// <summary>The 4 × 4 tile z[r, t] = x_r·w_{c+t}, written at z[r·stride + t].</summary>
    private static void Dots4x4(ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, ReadOnlySpan<double> x2,
        ReadOnlySpan<double> x3, Matrix<double> w, int c, Span<double> z, int stride)
    {
        int p = x0.Length, j = 0;
        var a00 = Vector256<double>.Zero; var a01 = Vector256<double>.Zero; var a02 = Vector256<double>.Zero; var a03 = Vector256<double>.Zero;
        var a10 = Vector256<double>.Zero; var a11 = Vector256<double>.Zero; var a12 = Vector256<double>.Zero; var a13 = Vector256<double>.Zero;
        var a20 = Vector256<double>.Zero; var a21 = Vector256<double>.Zero; var a22 = Vector256<double>.Zero; var a23 = Vector256<double>.Zero;
        var a30 = Vector256<double>.Zero; var a31 = Vector256<double>.Zero; var a32 = Vector256<double>.Zero; var a33 = Vector256<double>.Zero;
        ref double rx0 = ref MemoryMarshal.GetReference(x0), rx1 = ref MemoryMarshal.GetReference(x1);
        ref double rx2 = ref MemoryMarshal.GetReference(x2), rx3 = ref MemoryMarshal.GetReference(x3);
        ref double rw0 = ref MemoryMarshal.GetReference(w.RowSpan(c)), rw1 = ref MemoryMarshal.GetReference(w.RowSpan(c + 1));
        ref double rw2 = ref MemoryMarshal.GetReference(w.RowSpan(c + 2)), rw3 = ref MemoryMarshal.GetReference(w.RowSpan(c + 3));
        for (; j + 4 <= p; j += 4)
        {
            nuint at = (nuint)j;
            var v0 = Vector256.LoadUnsafe(ref rw0, at);
            var v1 = Vector256.LoadUnsafe(ref rw1, at);
            var v2 = Vector256.LoadUnsafe(ref rw2, at);
            var v3 = Vector256.LoadUnsafe(ref rw3, at);
            var r = Vector256.LoadUnsafe(ref rx0, at);
            a00 = Vector256.FusedMultiplyAdd(r, v0, a00); a01 = Vector256.FusedMultiplyAdd(r, v1, a01);
            a02 = Vector256.FusedMultiplyAdd(r, v2, a02); a03 = Vector256.FusedMultiplyAdd(r, v3, a03);
            r = Vector256.LoadUnsafe(ref rx1, at);
            a10 = Vector256.FusedMultiplyAdd(r, v0, a10); a11 = Vector256.FusedMultiplyAdd(r, v1, a11);
            a12 = Vector256.FusedMultiplyAdd(r, v2, a12); a13 = Vector256.FusedMultiplyAdd(r, v3, a13);
            r = Vector256.LoadUnsafe(ref rx2, at);
            a20 = Vector256.FusedMultiplyAdd(r, v0, a20); a21 = Vector256.FusedMultiplyAdd(r, v1, a21);
            a22 = Vector256.FusedMultiplyAdd(r, v2, a22); a23 = Vector256.FusedMultiplyAdd(r, v3, a23);
            r = Vector256.LoadUnsafe(ref rx3, at);
            a30 = Vector256.FusedMultiplyAdd(r, v0, a30); a31 = Vector256.FusedMultiplyAdd(r, v1, a31);
            a32 = Vector256.FusedMultiplyAdd(r, v2, a32); a33 = Vector256.FusedMultiplyAdd(r, v3, a33);
        }
        Store4(z, 0, a00, a01, a02, a03, x0, w, c, j);
        Store4(z, stride, a10, a11, a12, a13, x1, w, c, j);
        Store4(z, 2 * stride, a20, a21, a22, a23, x2, w, c, j);
        Store4(z, 3 * stride, a30, a31, a32, a33, x3, w, c, j);
    }

    /// <summary>z[at + t] = Σ(a_t) + x[j..]·w_{c+t}[j..] for t = 0..3.</summary>
    private static void Store4(Span<double> z, int at, Vector256<double> a0, Vector256<double> a1, Vector256<double> a2,
        Vector256<double> a3, ReadOnlySpan<double> x, Matrix<double> w, int c, int j)
    {
        z[at] = Vector256.Sum(a0) + Tail(x, w.RowSpan(c), j);
        z[at + 1] = Vector256.Sum(a1) + Tail(x, w.RowSpan(c + 1), j);
        z[at + 2] = Vector256.Sum(a2) + Tail(x, w.RowSpan(c + 2), j);
        z[at + 3] = Vector256.Sum(a3) + Tail(x, w.RowSpan(c + 3), j);
    }

    /// <summary>a[j..]·b[j..], the columns a vector sweep leaves.</summary>
    private static double Tail(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int j)
    {
        double sum = 0;
        for (; j < a.Length; j++)
            sum += a[j] * b[j];
        return sum;
    }

    /// <summary>a·b for the rows and outputs the tiles leave.</summary>
    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        int j = 0;
        var acc = Vector256<double>.Zero;
        for (; j + 4 <= a.Length; j += 4)
            acc = Vector256.FusedMultiplyAdd(Vector256.Create(a[j..]), Vector256.Create(b[j..]), acc);
        return Vector256.Sum(acc) + Tail(a, b, j);
    }

    /// <summary>C[c, :] += Σᵢ G[i, c]·X[i, :] over the rows of <paramref name="x"/>; G row-major with K = C.Rows columns.
    /// Tiles of C (two outputs × 32 columns) are held in registers while all rows go by.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AccumulateTransposed(ReadOnlySpan<double> g, Matrix<double> x, Matrix<double> c)
    {
        int k = c.Rows, p = x.Columns;
        int j = 0;
        for (; j + 32 <= p; j += 32)
        {
            int cls = 0;
            for (; cls + 2 <= k; cls += 2)
                Tile2x32(g, k, cls, x, j, c);
            if (cls < k)
                Tile1x32(g, k, cls, x, j, c);
        }
        if (j < p)
            for (int cls = 0; cls < k; cls++)
                Columns(g, k, cls, x, j, p - j, c);
    }

    /// <summary>C[cls..cls+2, j..j+32] += Σᵢ G[i, cls..cls+2]ᵀ·X[i, j..j+32], the tile held in registers.</summary>
    private static void Tile2x32(ReadOnlySpan<double> g, int k, int cls, Matrix<double> x, int j, Matrix<double> c)
    {
        ref double c0 = ref MemoryMarshal.GetReference(c.RowSpan(cls)[j..]);
        ref double c1 = ref MemoryMarshal.GetReference(c.RowSpan(cls + 1)[j..]);
        var a0 = Vector256.LoadUnsafe(ref c0, 0); var a1 = Vector256.LoadUnsafe(ref c0, 4);
        var a2 = Vector256.LoadUnsafe(ref c0, 8); var a3 = Vector256.LoadUnsafe(ref c0, 12);
        var a4 = Vector256.LoadUnsafe(ref c0, 16); var a5 = Vector256.LoadUnsafe(ref c0, 20);
        var a6 = Vector256.LoadUnsafe(ref c0, 24); var a7 = Vector256.LoadUnsafe(ref c0, 28);
        var b0 = Vector256.LoadUnsafe(ref c1, 0); var b1 = Vector256.LoadUnsafe(ref c1, 4);
        var b2 = Vector256.LoadUnsafe(ref c1, 8); var b3 = Vector256.LoadUnsafe(ref c1, 12);
        var b4 = Vector256.LoadUnsafe(ref c1, 16); var b5 = Vector256.LoadUnsafe(ref c1, 20);
        var b6 = Vector256.LoadUnsafe(ref c1, 24); var b7 = Vector256.LoadUnsafe(ref c1, 28);
        ref double gi = ref Unsafe.Add(ref MemoryMarshal.GetReference(g), cls);
        ref double xi = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x.Data), x.Offset + j);
        nint rowStride = x.RowStride;
        for (int i = 0, rows = x.Rows; i < rows; i++)
        {
            var s = Vector256.Create(gi);
            var t = Vector256.Create(Unsafe.Add(ref gi, 1));
            var v = Vector256.LoadUnsafe(ref xi, 0);
            a0 = Vector256.FusedMultiplyAdd(s, v, a0); b0 = Vector256.FusedMultiplyAdd(t, v, b0);
            v = Vector256.LoadUnsafe(ref xi, 4);
            a1 = Vector256.FusedMultiplyAdd(s, v, a1); b1 = Vector256.FusedMultiplyAdd(t, v, b1);
            v = Vector256.LoadUnsafe(ref xi, 8);
            a2 = Vector256.FusedMultiplyAdd(s, v, a2); b2 = Vector256.FusedMultiplyAdd(t, v, b2);
            v = Vector256.LoadUnsafe(ref xi, 12);
            a3 = Vector256.FusedMultiplyAdd(s, v, a3); b3 = Vector256.FusedMultiplyAdd(t, v, b3);
            v = Vector256.LoadUnsafe(ref xi, 16);
            a4 = Vector256.FusedMultiplyAdd(s, v, a4); b4 = Vector256.FusedMultiplyAdd(t, v, b4);
            v = Vector256.LoadUnsafe(ref xi, 20);
            a5 = Vector256.FusedMultiplyAdd(s, v, a5); b5 = Vector256.FusedMultiplyAdd(t, v, b5);
            v = Vector256.LoadUnsafe(ref xi, 24);
            a6 = Vector256.FusedMultiplyAdd(s, v, a6); b6 = Vector256.FusedMultiplyAdd(t, v, b6);
            v = Vector256.LoadUnsafe(ref xi, 28);
            a7 = Vector256.FusedMultiplyAdd(s, v, a7); b7 = Vector256.FusedMultiplyAdd(t, v, b7);
            xi = ref Unsafe.Add(ref xi, rowStride);
            gi = ref Unsafe.Add(ref gi, k);
        }
        a0.StoreUnsafe(ref c0, 0); a1.StoreUnsafe(ref c0, 4); a2.StoreUnsafe(ref c0, 8); a3.StoreUnsafe(ref c0, 12);
        a4.StoreUnsafe(ref c0, 16); a5.StoreUnsafe(ref c0, 20); a6.StoreUnsafe(ref c0, 24); a7.StoreUnsafe(ref c0, 28);
        b0.StoreUnsafe(ref c1, 0); b1.StoreUnsafe(ref c1, 4); b2.StoreUnsafe(ref c1, 8); b3.StoreUnsafe(ref c1, 12);
        b4.StoreUnsafe(ref c1, 16); b5.StoreUnsafe(ref c1, 20); b6.StoreUnsafe(ref c1, 24); b7.StoreUnsafe(ref c1, 28);
    }

    /// <summary>C[cls, j..j+32] += Σᵢ G[i, cls]·X[i, j..j+32], the tile held in registers.</summary>
    private static void Tile1x32(ReadOnlySpan<double> g, int k, int cls, Matrix<double> x, int j, Matrix<double> c)
    {
        ref double c0 = ref MemoryMarshal.GetReference(c.RowSpan(cls)[j..]);
        var a0 = Vector256.LoadUnsafe(ref c0, 0); var a1 = Vector256.LoadUnsafe(ref c0, 4);
        var a2 = Vector256.LoadUnsafe(ref c0, 8); var a3 = Vector256.LoadUnsafe(ref c0, 12);
        var a4 = Vector256.LoadUnsafe(ref c0, 16); var a5 = Vector256.LoadUnsafe(ref c0, 20);
        var a6 = Vector256.LoadUnsafe(ref c0, 24); var a7 = Vector256.LoadUnsafe(ref c0, 28);
        ref double gi = ref Unsafe.Add(ref MemoryMarshal.GetReference(g), cls);
        ref double xi = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(x.Data), x.Offset + j);
        nint rowStride = x.RowStride;
        for (int i = 0, rows = x.Rows; i < rows; i++)
        {
            var s = Vector256.Create(gi);
            a0 = Vector256.FusedMultiplyAdd(s, Vector256.LoadUnsafe(ref xi, 0), a0);
            a1 = Vector256.FusedMultiplyAdd(s, Vector256.LoadUnsafe(ref xi, 4), a1);
            a2 = Vector256.FusedMultiplyAdd(s, Vector256.LoadUnsafe(ref xi, 8), a2);
            a3 = Vector256.FusedMultiplyAdd(s, Vector256.LoadUnsafe(ref xi, 12), a3);
            a4 = Vector256.FusedMultiplyAdd(s, Vector256.LoadUnsafe(ref xi, 16), a4);
            a5 = Vector256.FusedMultiplyAdd(s, Vector256.LoadUnsafe(ref xi, 20), a5);
            a6 = Vector256.FusedMultiplyAdd(s, Vector256.LoadUnsafe(ref xi, 24), a6);
            a7 = Vector256.FusedMultiplyAdd(s, Vector256.LoadUnsafe(ref xi, 28), a7);
            xi = ref Unsafe.Add(ref xi, rowStride);
            gi = ref Unsafe.Add(ref gi, k);
        }
        a0.StoreUnsafe(ref c0, 0); a1.StoreUnsafe(ref c0, 4); a2.StoreUnsafe(ref c0, 8); a3.StoreUnsafe(ref c0, 12);
        a4.StoreUnsafe(ref c0, 16); a5.StoreUnsafe(ref c0, 20); a6.StoreUnsafe(ref c0, 24); a7.StoreUnsafe(ref c0, 28);
    }

    /// <summary>C[cls, j..j+width] += Σᵢ G[i, cls]·X[i, j..j+width]: the columns the 32-wide tiles leave.</summary>
    private static void Columns(ReadOnlySpan<double> g, int k, int cls, Matrix<double> x, int j, int width, Matrix<double> c)
    {
        var acc = c.RowSpan(cls).Slice(j, width);
        int t = 0;
        for (; t + 4 <= width; t += 4)
        {
            var sum = Vector256.Create(acc[t..]);
            for (int i = 0; i < x.Rows; i++)
                sum = Vector256.FusedMultiplyAdd(Vector256.Create(g[i * k + cls]), Vector256.Create(x.RowSpan(i)[(j + t)..]), sum);
            sum.CopyTo(acc[t..]);
        }
        for (; t < width; t++)
        {
            double sum = acc[t];
            for (int i = 0; i < x.Rows; i++)
                sum = Math.FusedMultiplyAdd(g[i * k + cls], x[i, j + t], sum);
            acc[t] = sum;
        }
    }
}
