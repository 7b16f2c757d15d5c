using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Data;

public static partial class Generators
{
    /// <summary>
    /// A mostly low-rank matrix with bell-shaped singular values (scikit-learn's <c>make_low_rank_matrix</c>):
    /// X = U·diag(s)·Vᵀ with U (samples × n) and V (features × n) random orthonormal columns, n = min(samples, features),
    /// and s_i = (1 - tailStrength)·exp(-(i / effectiveRank)²) + tailStrength·exp(-0.1·i / effectiveRank).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is &lt; 1, <paramref name="effectiveRank"/> &lt;= 0 or <paramref name="tailStrength"/> outside [0, 1].</exception>
    public static Matrix<double> MakeLowRankMatrix(int samples = 100, int features = 100, int effectiveRank = 10,
        double tailStrength = 0.5, long? seed = null)
    {
        Check.Parameter(samples >= 1, nameof(MakeLowRankMatrix), nameof(samples), ">= 1", samples);
        Check.Parameter(features >= 1, nameof(MakeLowRankMatrix), nameof(features), ">= 1", features);
        return LowRankMatrix(samples, features, effectiveRank, tailStrength, CreateRng(seed));
    }

    private static Matrix<double> LowRankMatrix(int samples, int features, int effectiveRank, double tailStrength, Rng rng)
    {
        Check.Parameter(effectiveRank >= 1, nameof(MakeLowRankMatrix), nameof(effectiveRank), ">= 1", effectiveRank);
        Check.Parameter(tailStrength >= 0 && tailStrength <= 1, nameof(MakeLowRankMatrix), nameof(tailStrength), "in [0, 1]", tailStrength);
        int n = Math.Min(samples, features);
        Matrix<double> u = OrthonormalColumns(Matrix.RandomNormal<double>(samples, n, rng));
        Matrix<double> v = OrthonormalColumns(Matrix.RandomNormal<double>(features, n, rng));
        for (int i = 0; i < n; i++)
        {
            double lowRank = (1 - tailStrength) * Math.Exp(-Math.Pow((double)i / effectiveRank, 2));
            double tail = tailStrength * Math.Exp(-0.1 * i / effectiveRank);
            for (int r = 0; r < samples; r++)
                u[r, i] *= lowRank + tail;
        }
        return u.Multiply(v.Transpose());
    }

    /// <summary>The Q of a thin QR factorisation of <paramref name="a"/> (rows ≥ columns), by modified Gram–Schmidt applied twice.</summary>
    private static Matrix<double> OrthonormalColumns(Matrix<double> a)
    {
        int rows = a.Rows, columns = a.Columns;
        var q = a.Transpose().Copy();   // one row of q per column of a, so each vector is contiguous
        for (int j = 0; j < columns; j++)
        {
            Span<double> vector = q.RowSpan(j);
            for (int pass = 0; pass < 2; pass++)
                for (int k = 0; k < j; k++)
                {
                    ReadOnlySpan<double> basis = q.RowSpan(k);
                    double dot = 0;
                    for (int i = 0; i < rows; i++)
                        dot += basis[i] * vector[i];
                    for (int i = 0; i < rows; i++)
                        vector[i] -= dot * basis[i];
                }
            double norm = 0;
            for (int i = 0; i < rows; i++)
                norm += vector[i] * vector[i];
            norm = Math.Sqrt(norm);
            for (int i = 0; i < rows; i++)
                vector[i] /= norm;
        }
        return q.Transpose().Copy();
    }
}
