using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Descent.Numerics.Threading;

namespace Descent.Numerics.Gemm;

/// <summary>
/// What the normal equations and coordinate descent on the Gram matrix need from X (n × p) and y: the cross products
/// of the columns of [X y] about their means (or about 0, without centering).
/// </summary>
/// <param name="Gram">G = XcᵀXc (p × p, symmetric), Xc = X − 1·x̄ᵀ.</param>
/// <param name="XTy">r = Xcᵀyc (p values), yc = y − ȳ.</param>
/// <param name="YSquaredNorm">‖yc‖².</param>
/// <param name="XMean">x̄, the column means (zeros without centering).</param>
/// <param name="YMean">ȳ (0 without centering).</param>
/// <param name="ColumnMagnitudes">max |xᵢⱼ| of each column of X (NaN where the column holds NaN), gathered on the way
/// so that callers can validate X without another pass over it.</param>
internal readonly record struct CrossProducts(Matrix<double> Gram, double[] XTy, double YSquaredNorm, double[] XMean, double YMean,
    double[] ColumnMagnitudes);

/// <summary>
/// <see cref="CrossProducts"/> in one pass over X, centering fused into the multiplication. A shift s (the mean of
/// <see cref="ShiftRows"/> rows spread evenly over the data) is removed from every row as the rows are copied, a block
/// of <see cref="BlockRows"/> at a time, into an aligned buffer [X − s, y − s_y, 1] (columns padded to whole cache
/// lines), and each block is multiplied by itself with the SYRK kernels (the lower triangle of BᵀB, half a GEMM). The
/// column of ones collects c = Σ(x − s), and then
///   x̄ = s + c/n,   Σ(x − x̄)(x − x̄)ᵀ = Σ(x − s)(x − s)ᵀ − c·cᵀ/n,
/// so X is read from memory once and never copied whole. The correction cancels only as much as s is off the mean:
/// for a sample of the rows that is about 1/√(sample) of a standard deviation, a loss of no digits; even against rows
/// ordered to mislead, (x̄ − s)² ≤ σ²·(n − sample)/sample. Sums of squares of uncentred values, which cancel
/// catastrophically for data far from 0, are never formed. Blocks are grouped into <see cref="Runs"/> fixed runs that
/// threads share, each summed into its own partial; partials are added in run order, so the result is the same for
/// any thread count.
/// </summary>
internal static class CenteredGram
{
    /// <summary>Rows per block: one k-block of the SYRK, and (for up to ~100 columns) a buffer that fits in the L2 cache.</summary>
    private const int BlockRows = GemmDriver.UnpackedDepthBlock;

    /// <summary>Rows averaged for the shift s.</summary>
    private const int ShiftRows = 512;

    /// <summary>Fixed runs of blocks, each with its own partial cross products.</summary>
    private const int Runs = 8;

    /// <summary>Buffer columns are padded to a multiple of this (64 bytes), so every buffer row starts a cache line.</summary>
    private const int ColumnAlignment = 8;

    /// <summary>Computes the cross products of [X y] (about the means when <paramref name="center"/>).</summary>
    public static CrossProducts Compute(Matrix<double> x, ReadOnlySpan<double> y, bool center)
    {
        int n = x.Rows, p = x.Columns;
        int width = (p + 2 + ColumnAlignment - 1) / ColumnAlignment * ColumnAlignment; // [X y 1], zero padded
        var targets = y.ToArray();
        var shift = center ? Shift(x, targets, width) : new double[width];
        int blocks = (n + BlockRows - 1) / BlockRows;
        int runs = Math.Min(blocks, Runs);
        var partials = new Matrix<double>[runs];
        int threads = Math.Min(runs, Parallelism.MaxThreads);
        var magnitudes = new long[threads][];
        ForkJoin.Run(threads, t =>
        {
            var buffer = new Buffer(Math.Min(n, BlockRows), width, p);
            magnitudes[t] = buffer.MagnitudeBits;
            for (int run = t; run < runs; run += threads)
            {
                var products = partials[run] = new Matrix<double>(width, width);
                int firstBlock = (int)((long)blocks * run / runs), endBlock = (int)((long)blocks * (run + 1) / runs);
                for (int b = firstBlock; b < endBlock; b++)
                {
                    int start = b * BlockRows;
                    var rows = buffer.Fill(x, targets, start, Math.Min(BlockRows, n - start), shift);
                    GemmDriver.Run(1.0, rows.Transpose(), rows, b == firstBlock ? 0.0 : 1.0, products, lower: true);
                }
            }
        });
        var sum = partials[0];
        for (int run = 1; run < runs; run++)
            AddLower(partials[run], sum);
        var largest = new double[p];
        for (int j = 0; j < p; j++)
        {
            long bits = 0;
            for (int t = 0; t < threads; t++)
                bits = Math.Max(bits, magnitudes[t][j]);
            largest[j] = BitConverter.Int64BitsToDouble(bits);
        }
        return FromShifted(sum, shift, p, n, center, largest);
    }

    /// <summary>s: the mean of [X y] over <see cref="ShiftRows"/> rows spread evenly from first to last (all rows when fewer).</summary>
    private static double[] Shift(Matrix<double> x, double[] y, int width)
    {
        int n = x.Rows, p = x.Columns, count = Math.Min(n, ShiftRows);
        var shift = new double[width];
        for (int s = 0; s < count; s++)
        {
            int i = (int)((long)s * n / count);
            for (int j = 0; j < p; j++)
                shift[j] += x[i, j];
            shift[p] += y[i];
        }
        TensorPrimitives.Divide(shift.AsSpan(0, p + 1), count, shift.AsSpan(0, p + 1));
        return shift;
    }

    /// <summary>target += source on the lower triangle.</summary>
    private static void AddLower(Matrix<double> source, Matrix<double> target)
    {
        for (int i = 0; i < target.Rows; i++)
            TensorPrimitives.Add(target.RowSpan(i)[..(i + 1)], source.RowSpan(i)[..(i + 1)], target.RowSpan(i)[..(i + 1)]);
    }

    /// <summary>
    /// The cross products about the mean from those about the shift (lower triangle of <paramref name="shifted"/>, the
    /// ones column at p + 1): x̄ = s + c/n and M − c·cᵀ/n, with c the row of the ones column.
    /// </summary>
    private static CrossProducts FromShifted(Matrix<double> shifted, double[] shift, int p, int n, bool center,
        double[] magnitudes)
    {
        var c = shifted.RowSpan(p + 1)[..(p + 1)];
        if (center)
        {
            for (int i = 0; i <= p; i++)
            {
                var row = shifted.RowSpan(i)[..(i + 1)];
                TensorPrimitives.MultiplyAdd(c[..(i + 1)], -c[i] / n, row, row);
            }
        }
        SymmetricSyrk.MirrorLower(shifted);
        var mean = new double[p + 1];
        if (center)
            TensorPrimitives.MultiplyAdd(c, 1.0 / n, shift.AsSpan(0, p + 1), mean);
        return new CrossProducts(shifted.Slice(0, p, 0, p).Copy(), shifted.RowSpan(p)[..p].ToArray(), shifted[p, p],
            mean[..p], mean[p], magnitudes);
    }

    /// <summary>One thread's block buffer, rows 64-byte aligned: [X − s, y − s_y, 1, 0…]; and the largest magnitude of
    /// each column of X among the rows it has seen.</summary>
    private sealed class Buffer
    {
        private readonly double[] _storage;
        private readonly int _offset;
        private readonly int _width;

        public Buffer(int rows, int width, int columns)
        {
            _width = width;
            _storage = GC.AllocateArray<double>(rows * width + ColumnAlignment, pinned: true);
            _offset = AlignedOffset(_storage);
            MagnitudeBits = new long[columns];
        }

        /// <summary>
        /// max |xᵢⱼ| per column over the rows filled so far, as the bits of the double with the sign cleared: these
        /// order as the magnitudes do, with ∞ above every finite value and NaN above ∞.
        /// </summary>
        public long[] MagnitudeBits { get; }

        /// <summary>Rows [start, start + count) of [X − s, y − s_y, 1], as a count × width view of the buffer.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Matrix<double> Fill(Matrix<double> x, double[] y, int start, int count, double[] shift)
        {
            int p = x.Columns;
            var rows = new Matrix<double>(_storage, _offset, count, _width, _width, 1);
            var xShift = shift.AsSpan(0, p);
            for (int i = 0; i < count; i++)
            {
                var row = rows.RowSpan(i);
                if (!x.HasContiguousRows)
                    for (int j = 0; j < p; j++)
                        row[j] = x[start + i, j];
                ShiftAndMeasure(x.HasContiguousRows ? x.RowSpan(start + i) : row[..p], xShift, row[..p]);
                row[p] = y[start + i] - shift[p];
                row[p + 1] = 1.0;
            }
            return rows;
        }

        /// <summary>row = source − shift, and the magnitudes of <paramref name="source"/> into <see cref="MagnitudeBits"/>,
        /// in one sweep (<paramref name="row"/> may be <paramref name="source"/>).</summary>
        private void ShiftAndMeasure(ReadOnlySpan<double> source, ReadOnlySpan<double> shift, Span<double> row)
        {
            ref double from = ref MemoryMarshal.GetReference(source);
            ref double by = ref MemoryMarshal.GetReference(shift);
            ref double to = ref MemoryMarshal.GetReference(row);
            ref long largest = ref MemoryMarshal.GetArrayDataReference(MagnitudeBits);
            const long signCleared = long.MaxValue;
            int j = 0;
            if (Vector.IsHardwareAccelerated)
            {
                var mask = new Vector<long>(signCleared);
                for (; j + Vector<double>.Count <= source.Length; j += Vector<double>.Count)
                {
                    var value = Vector.LoadUnsafe(ref from, (nuint)j);
                    Vector.StoreUnsafe(value - Vector.LoadUnsafe(ref by, (nuint)j), ref to, (nuint)j);
                    var bits = Vector.AsVectorInt64(value) & mask;
                    Vector.StoreUnsafe(Vector.Max(Vector.LoadUnsafe(ref largest, (nuint)j), bits), ref largest, (nuint)j);
                }
            }
            for (; j < source.Length; j++)
            {
                double value = source[j];
                row[j] = value - shift[j];
                MagnitudeBits[j] = Math.Max(MagnitudeBits[j], BitConverter.DoubleToInt64Bits(value) & signCleared);
            }
        }

        private static unsafe int AlignedOffset(double[] storage)
        {
            // The array is on the pinned heap: its address does not move.
            nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(storage));
            int misalignment = (int)(address & (ColumnAlignment * sizeof(double) - 1)) / sizeof(double);
            return misalignment == 0 ? 0 : ColumnAlignment - misalignment;
        }
    }
}
