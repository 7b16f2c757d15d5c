using Descent.Numerics;
using Descent.Preprocessing;
using Descent.Tests.Linear;

namespace Descent.Tests.Preprocessing;

public class PolynomialFeaturesTests
{
    public static TheoryData<int> Cases => ReferenceData.CaseIndices("polynomial_features.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Transform_MatchesScikitLearn_ColumnForColumn(int index)
    {
        var golden = ReferenceData.Case("polynomial_features.json", index);
        var x = Golden.Matrix(golden.GetProperty("X"));
        var model = new PolynomialFeatures
        {
            Degree = golden.GetProperty("degree").GetInt32(),
            InteractionOnly = golden.GetProperty("interaction_only").GetBoolean(),
            IncludeBias = golden.GetProperty("include_bias").GetBoolean(),
        }.Fit(x);

        var powers = golden.GetProperty("powers").EnumerateArray().Select(Golden.Doubles).ToArray();
        Assert.Equal(powers.Length, model.OutputFeatureCount);
        for (int c = 0; c < powers.Length; c++)
            for (int j = 0; j < x.Columns; j++)
                Assert.Equal((int)powers[c][j], model.Terms[c].Count(f => f == j));
        Assert.Equal(golden.GetProperty("feature_names").EnumerateArray().Select(e => e.GetString()), model.FeatureNames());
        Golden.CloseEach(Golden.Matrix(golden.GetProperty("transformed")), model.Transform(x), 1e-13, "transformed");
    }

    [Fact]
    public void Transform_OfTermsInAnyOrder_MultipliesEachTermsFactors()
    {
        // A model read from a file may list a term before its prefix ([0, 1] before [0]): each column is still its product.
        var x = Matrix.FromRows([new[] { 2.0, 3.0, 5.0 }, new[] { -1.0, 0.5, 4.0 }]);
        int[][] terms = [[0, 1], [2], [], [1, 1, 2], [0], [0, 0, 0]];
        var z = new PolynomialFeaturesModel(3, terms).Transform(x);
        for (int i = 0; i < x.Rows; i++)
            for (int c = 0; c < terms.Length; c++)
                Assert.Equal(terms[c].Aggregate(1.0, (product, j) => product * x[i, j]), z[i, c]);
    }

    [Fact]
    public void FeatureNames_UseTheGivenInputNames()
    {
        var model = new PolynomialFeatures { Degree = 2 }.Fit(Matrix.Ones<double>(1, 2));
        Assert.Equal(["1", "size", "rooms", "size^2", "size rooms", "rooms^2"], model.FeatureNames(["size", "rooms"]));
    }

    [Fact]
    public void Fit_Throws_ForNegativeDegree_OrDegreeZeroWithoutBias()
    {
        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => new PolynomialFeatures { Degree = -1 }.Fit(Matrix.Ones<double>(2, 2)));
        Assert.StartsWith("PolynomialFeatures: Degree must be >= 0, got -1.", negative.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolynomialFeatures { Degree = 0, IncludeBias = false }.Fit(Matrix.Ones<double>(2, 2)));
    }
}
