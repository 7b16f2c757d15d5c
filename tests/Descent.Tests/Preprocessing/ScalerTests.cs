using Descent.Numerics;
using Descent.Preprocessing;
using Descent.Tests.Linear;

namespace Descent.Tests.Preprocessing;

public class ScalerTests
{
    public static TheoryData<int> StandardCases => ReferenceData.CaseIndices("standard_scaler.json");

    public static TheoryData<int> MinMaxCases => ReferenceData.CaseIndices("min_max_scaler.json");

    [Theory]
    [MemberData(nameof(StandardCases))]
    public void StandardScaler_MatchesScikitLearn(int index)
    {
        var document = ReferenceData.Golden("standard_scaler.json");
        var golden = document.GetProperty("cases")[index];
        var (x, _) = ReferenceData.Input(document, golden);
        var scaler = new StandardScaler
        {
            WithMean = golden.GetProperty("with_mean").GetBoolean(), WithStd = golden.GetProperty("with_std").GetBoolean(),
        }.Fit(x);

        Golden.CloseEach(Golden.Doubles(golden.GetProperty("mean")), scaler.Mean, 1e-12, "mean");
        Golden.CloseEach(Golden.Doubles(golden.GetProperty("scale")), scaler.Scale, 1e-9, "scale");
        if (golden.GetProperty("with_std").GetBoolean())
            Golden.CloseEach(Golden.Doubles(golden.GetProperty("var")), scaler.Variance, 1e-9, "var");
        var expected = Golden.Matrix(golden.GetProperty("transformed"));
        Golden.CloseEach(expected, scaler.Transform(x.RowRange(0, expected.Rows)), 1e-9, "transformed");
    }

    [Fact]
    public void StandardScaler_ConstantColumns_AreCenteredNotNaN_AndInverseTransformRoundTrips()
    {
        var x = Matrix.FromArray(new double[,] { { 1, 5, 0.1 }, { 2, 5, 0.1 }, { 4, 5, 0.1 } });
        var scaler = new StandardScaler().Fit(x);
        Assert.Equal([1.0, 1.0], scaler.Scale.Skip(1));
        var z = scaler.Transform(x);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(0.0, z[i, 1]);
            Assert.True(Math.Abs(z[i, 2]) < 1e-15);
        }
        Golden.CloseEach(x, scaler.InverseTransform(z), 1e-14, "round trip");
    }

    [Theory]
    [MemberData(nameof(MinMaxCases))]
    public void MinMaxScaler_MatchesScikitLearn(int index)
    {
        var document = ReferenceData.Golden("min_max_scaler.json");
        var golden = document.GetProperty("cases")[index];
        var (x, _) = ReferenceData.Input(document, golden);
        var range = Golden.Doubles(golden.GetProperty("feature_range"));
        var scaler = new MinMaxScaler { FeatureRange = (range[0], range[1]) }.Fit(x);

        Golden.CloseEach(Golden.Doubles(golden.GetProperty("data_min")), scaler.DataMin, 0, "data_min");
        Golden.CloseEach(Golden.Doubles(golden.GetProperty("data_max")), scaler.DataMax, 0, "data_max");
        Golden.CloseEach(Golden.Doubles(golden.GetProperty("scale")), scaler.Scale, 1e-12, "scale");
        Golden.CloseEach(Golden.Doubles(golden.GetProperty("min")), scaler.Offset, 1e-12, "min");
        var expected = Golden.Matrix(golden.GetProperty("transformed"));
        Golden.CloseEach(expected, scaler.Transform(x.RowRange(0, expected.Rows)), 1e-9, "transformed");

        var fresh = Golden.Matrix(golden.GetProperty("new"));
        Golden.CloseEach(Golden.Matrix(golden.GetProperty("new_transformed")), scaler.Transform(fresh), 1e-9, "new");
        var clipped = new MinMaxScaler { FeatureRange = (range[0], range[1]), Clip = true }.Fit(x);
        Golden.CloseEach(Golden.Matrix(golden.GetProperty("new_clipped")), clipped.Transform(fresh), 1e-9, "clipped");
        Golden.CloseEach(fresh, scaler.InverseTransform(scaler.Transform(fresh)), 1e-9, "round trip");
    }

    [Fact]
    public void MinMaxScaler_Throws_ForAnEmptyRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MinMaxScaler { FeatureRange = (1, 1) }.Fit(Matrix.Ones<double>(2, 2)));
        Assert.StartsWith("MinMaxScaler: FeatureRange must be a finite interval (lo, hi) with lo < hi, got (1, 1).", error.Message);
    }

    [Fact]
    public void Transform_Throws_WhenTheColumnCountDiffers_OrDataIsNotFinite()
    {
        var scaler = new StandardScaler().Fit(Matrix.FromArray(new double[,] { { 1, 2 }, { 3, 4 } }));
        var columns = Assert.Throws<DescentDataException>(() => scaler.Transform(new Matrix<double>(1, 3)));
        Assert.StartsWith("StandardScalerModel.Transform: X has 3 columns, but the model was fitted on 2", columns.Message);
        var nan = Assert.Throws<DescentDataException>(() => scaler.Transform(Matrix.FromArray(new double[,] { { 1, double.NaN } })));
        Assert.StartsWith("StandardScalerModel.Transform: X contains NaN at row 0, column 1.", nan.Message);
        Assert.Throws<DescentDataException>(() => new MinMaxScaler().Fit(new Matrix<double>(0, 3)));
    }
}
