using System.Text.Json;
using Descent.Data;

namespace Descent.Tests.Data;

public class GeneratorsTests
{
    private static double Mean(IEnumerable<double> values) => values.Average();

    private static double Std(IReadOnlyCollection<double> values)
    {
        double mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    private static double[] Column(Dataset data, int j) => data.Features.Column(j).ToArray();

    public static IEnumerable<object?[]> GoldenCases()
    {
        foreach (var c in Golden.Load("data", "generators").GetProperty("cases").EnumerateArray())
        {
            double? factor = c.GetProperty("factor").ValueKind == JsonValueKind.Null ? null : c.GetProperty("factor").GetDouble();
            double[] x = Golden.Rows(c.GetProperty("X")).SelectMany(r => r).ToArray();
            double[] y = Golden.Doubles(c.GetProperty("y"));
            yield return [c.GetProperty("generator").GetString(), c.GetProperty("samples").GetInt32(), factor, x, y];
        }
    }

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void MoonsAndCircles_WithoutShuffleOrNoise_MatchScikitLearn(string generator, int samples, double? factor, double[] x, double[] y)
    {
        Dataset data = generator == "make_moons"
            ? Generators.MakeMoons(samples, shuffle: false)
            : Generators.MakeCircles(samples, shuffle: false, factor: factor!.Value);
        Assert.Equal(y, data.Target);
        double[] actual = data.Features.ToArray();
        Assert.Equal(x.Length, actual.Length);
        for (int i = 0; i < x.Length; i++)
            Assert.Equal(x[i], actual[i], 1e-15);
    }

    [Fact]
    public void MakeMoons_Noise_AddsGaussianNoiseOfThatScale_AndShuffleKeepsPairs()
    {
        Dataset clean = Generators.MakeMoons(4000, shuffle: true, seed: 1);
        Dataset noisy = Generators.MakeMoons(4000, shuffle: true, noise: 0.3, seed: 1);
        Assert.Equal(clean.Target, noisy.Target);   // same seed: same shuffle, noise added after
        double[] differences = clean.Features.ToArray().Zip(noisy.Features.ToArray(), (a, b) => b - a).ToArray();
        Assert.Equal(0, Mean(differences), 0.02);
        Assert.Equal(0.3, Std(differences), 0.02);
        // Shuffling permutes rows together: every clean point still lies on its class's half circle.
        for (int i = 0; i < clean.Rows; i++)
        {
            double px = clean.Features[i, 0], py = clean.Features[i, 1];
            double radius = clean.Target![i] == 0 ? Math.Sqrt(px * px + py * py) : Math.Sqrt((px - 1) * (px - 1) + (py - 0.5) * (py - 0.5));
            Assert.Equal(1.0, radius, 1e-12);
        }
    }

    [Fact]
    public void MakeCircles_SameSeedSameData_DifferentSeedDifferentData()
    {
        var a = Generators.MakeCircles(200, noise: 0.1, seed: 7);
        var b = Generators.MakeCircles(200, noise: 0.1, seed: 7);
        var c = Generators.MakeCircles(200, noise: 0.1, seed: 8);
        Assert.Equal(a.Features.ToArray(), b.Features.ToArray());
        Assert.NotEqual(a.Features.ToArray(), c.Features.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.MakeCircles(factor: 1.0));
    }

    [Fact]
    public void MakeBlobs_SplitsSamplesEvenly_AroundCentresInTheBox_WithTheGivenSpread()
    {
        Dataset data = Generators.MakeBlobs(samples: 3001, features: 3, centers: 3, clusterStd: 0.5, seed: 2);
        Assert.Equal(3001, data.Rows);
        Assert.Equal(3, data.FeatureCount);
        int[] counts = Enumerable.Range(0, 3).Select(k => data.Target!.Count(t => t == k)).ToArray();
        Assert.Equal([1001, 1000, 1000], counts);
        for (int k = 0; k < 3; k++)
            for (int j = 0; j < 3; j++)
            {
                var values = Enumerable.Range(0, data.Rows).Where(i => data.Target![i] == k).Select(i => data.Features[i, j]).ToList();
                Assert.InRange(values.Average(), -10.1, 10.1);
                Assert.Equal(0.5, Std(values), 0.04);
            }
    }

    [Fact]
    public void MakeBlobs_WithGivenCentres_CentresEachCluster()
    {
        var centres = Descent.Numerics.Matrix.FromArray(new double[,] { { 0, 0 }, { 100, -50 } });
        Dataset data = Generators.MakeBlobs(centres, samples: 2000, clusterStd: [1.0, 3.0], shuffle: false, seed: 3);
        var second = Enumerable.Range(1000, 1000).ToList();
        Assert.Equal(100, second.Average(i => data.Features[i, 0]), 0.4);
        Assert.Equal(-50, second.Average(i => data.Features[i, 1]), 0.4);
        Assert.Equal(3.0, Std(second.Select(i => data.Features[i, 0]).ToList()), 0.2);
        Assert.All(Enumerable.Range(0, 1000), i => Assert.Equal(0, data.Target![i]));
    }

    [Fact]
    public void MakeRegression_TargetIsLinearInFeatures_WithInformativeCoefficientsAndNoise()
    {
        Dataset data = Generators.MakeRegression(out double[] coefficients, samples: 5000, features: 8, informative: 3,
            bias: 2.5, noise: 1.5, seed: 4);
        Assert.Equal(8, coefficients.Length);
        Assert.Equal(3, coefficients.Count(c => c != 0));
        Assert.All(coefficients.Where(c => c != 0), c => Assert.InRange(c, 0, 100));
        var residuals = new double[data.Rows];
        for (int i = 0; i < data.Rows; i++)
        {
            double prediction = 2.5;
            for (int j = 0; j < 8; j++)
                prediction += data.Features[i, j] * coefficients[j];
            residuals[i] = data.Target![i] - prediction;
        }
        Assert.Equal(0, Mean(residuals), 0.1);
        Assert.Equal(1.5, Std(residuals), 0.06);
        for (int j = 0; j < 8; j++)
        {
            Assert.Equal(0, Mean(Column(data, j)), 0.06);
            Assert.Equal(1, Std(Column(data, j)), 0.04);
        }
    }

    [Fact]
    public void MakeRegression_WithoutNoise_IsExactlyLinear()
    {
        Dataset data = Generators.MakeRegression(out double[] coefficients, samples: 50, features: 5, informative: 5, shuffle: false, seed: 1);
        for (int i = 0; i < data.Rows; i++)
            Assert.Equal(Enumerable.Range(0, 5).Sum(j => data.Features[i, j] * coefficients[j]), data.Target![i], 1e-10);
    }

    [Theory]
    [InlineData(60, 20, 5, 0.5)]
    [InlineData(15, 40, 3, 0.0)]
    [InlineData(30, 30, 10, 1.0)]
    public void MakeLowRankMatrix_HasTheSingularValueProfile(int samples, int features, int rank, double tail)
    {
        // X = U diag(s) V^T with orthonormal U and V, so ||X||_F^2 = sum s_i^2 and ||X^T X||_F^2 = sum s_i^4.
        var x = Generators.MakeLowRankMatrix(samples, features, rank, tail, seed: 3);
        Assert.Equal(samples, x.Rows);
        Assert.Equal(features, x.Columns);
        double[] s = Enumerable.Range(0, Math.Min(samples, features))
            .Select(i => (1 - tail) * Math.Exp(-Math.Pow((double)i / rank, 2)) + tail * Math.Exp(-0.1 * i / rank)).ToArray();
        double frobenius = x.ToArray().Sum(v => v * v);
        Assert.Equal(s.Sum(v => v * v), frobenius, 1e-10);
        var gram = x.Transpose().Multiply(x);
        Assert.Equal(s.Sum(v => Math.Pow(v, 4)), gram.ToArray().Sum(v => v * v), 1e-10);
    }

    [Fact]
    public void MakeRegression_WithEffectiveRank_UsesTheLowRankDesign()
    {
        Dataset data = Generators.MakeRegression(out double[] coefficients, samples: 40, features: 10, informative: 4,
            effectiveRank: 3, tailStrength: 0.1, seed: 2);
        double frobenius = data.Features.ToArray().Sum(v => v * v);
        double expected = Enumerable.Range(0, 10).Sum(i => Math.Pow(0.9 * Math.Exp(-Math.Pow(i / 3.0, 2)) + 0.1 * Math.Exp(-0.1 * i / 3.0), 2));
        Assert.Equal(expected, frobenius, 1e-10);
        for (int i = 0; i < data.Rows; i++)
            Assert.Equal(Enumerable.Range(0, 10).Sum(j => data.Features[i, j] * coefficients[j]), data.Target![i], 1e-10);
    }

    [Fact]
    public void MakeClassification_HasTheRequestedShapeClassesAndBalance()
    {
        Dataset data = Generators.MakeClassification(samples: 3000, features: 10, informative: 3, redundant: 2, repeated: 1,
            classes: 3, flipY: 0.0, seed: 5);
        Assert.Equal(3000, data.Rows);
        Assert.Equal(10, data.FeatureCount);
        Assert.Equal([1000, 1000, 1000], Enumerable.Range(0, 3).Select(k => data.Target!.Count(t => t == k)));
    }

    [Fact]
    public void MakeClassification_WithoutShuffle_LaysOutInformativeRedundantRepeatedAndNoiseColumns()
    {
        Dataset data = Generators.MakeClassification(samples: 2000, features: 7, informative: 2, redundant: 2, repeated: 1,
            shuffle: false, seed: 6);
        // Columns 2 and 3 are exact linear combinations of columns 0 and 1: least squares leaves no residual.
        for (int r = 2; r <= 3; r++)
            Assert.True(ResidualOfFit(data, [0, 1], r) < 1e-18, $"column {r} is not a combination of 0 and 1");
        // Column 4 repeats one of columns 0..3.
        Assert.Contains(Enumerable.Range(0, 4), j => Column(data, j).SequenceEqual(Column(data, 4)));
        // Columns 5 and 6 are N(0, 1) noise.
        for (int j = 5; j < 7; j++)
        {
            Assert.Equal(0, Mean(Column(data, j)), 0.08);
            Assert.Equal(1, Std(Column(data, j)), 0.06);
        }
    }

    [Fact]
    public void MakeClassification_ClassesAreSeparableWhenClassSepIsLarge()
    {
        Dataset data = Generators.MakeClassification(samples: 1000, features: 2, informative: 2, redundant: 0, clustersPerClass: 1,
            classSep: 8.0, flipY: 0.0, shuffle: false, seed: 9);
        // Centroids sit on opposite or adjacent hypercube vertices 16 apart; nearest-class-mean classifies (almost) all.
        var means = Enumerable.Range(0, 2).Select(k => Enumerable.Range(0, 2)
            .Select(j => Enumerable.Range(0, 1000).Where(i => data.Target![i] == k).Average(i => data.Features[i, j])).ToArray()).ToArray();
        int correct = Enumerable.Range(0, 1000).Count(i =>
        {
            double d0 = Math.Pow(data.Features[i, 0] - means[0][0], 2) + Math.Pow(data.Features[i, 1] - means[0][1], 2);
            double d1 = Math.Pow(data.Features[i, 0] - means[1][0], 2) + Math.Pow(data.Features[i, 1] - means[1][1], 2);
            return (d0 < d1 ? 0 : 1) == data.Target![i];
        });
        Assert.True(correct >= 990, $"only {correct} of 1000 points are nearest their class mean");
    }

    [Fact]
    public void MakeClassification_FlipY_FlipsAboutThatFractionOfLabels()
    {
        var clean = Generators.MakeClassification(samples: 20000, flipY: 0.0, shuffle: false, seed: 12);
        var flipped = Generators.MakeClassification(samples: 20000, flipY: 0.2, shuffle: false, seed: 12);
        double changed = clean.Target!.Zip(flipped.Target!, (a, b) => a != b ? 1.0 : 0.0).Average();
        Assert.Equal(0.1, changed, 0.01);   // flipped to a random class of 2: half keep their label
    }

    [Fact]
    public void MakeClassification_RejectsImpossibleSettings()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Generators.MakeClassification(informative: 2, classes: 3, clustersPerClass: 2));
        Assert.Contains("informative must be >= log2(classes × clustersPerClass)", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.MakeClassification(features: 3, informative: 2, redundant: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Generators.MakeClassification(weights: [0.1, 0.2, 0.3, 0.4]));
    }

    private static double ResidualOfFit(Dataset data, int[] basis, int target)
    {
        // Normal equations for two columns, solved directly.
        double[] a = Column(data, basis[0]), b = Column(data, basis[1]), t = Column(data, target);
        double aa = a.Zip(a, (p, q) => p * q).Sum(), ab = a.Zip(b, (p, q) => p * q).Sum(), bb = b.Zip(b, (p, q) => p * q).Sum();
        double at = a.Zip(t, (p, q) => p * q).Sum(), bt = b.Zip(t, (p, q) => p * q).Sum();
        double det = aa * bb - ab * ab;
        double w0 = (at * bb - bt * ab) / det, w1 = (aa * bt - ab * at) / det;
        double residual = 0, total = 0;
        for (int i = 0; i < t.Length; i++)
        {
            double r = t[i] - w0 * a[i] - w1 * b[i];
            residual += r * r;
            total += t[i] * t[i];
        }
        return residual / total;
    }
}
