using Descent.Numerics;

namespace Descent.Tests.Estimators;

/// <summary>The one input validation (<see cref="DataCheck"/>): each kind of problem, its exact message and location.</summary>
public class DataCheckTests
{
    private static Matrix<double> Filled(int rows, int columns)
    {
        var x = new Matrix<double>(rows, columns);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++)
                x[i, j] = i - 0.5 * j;
        return x;
    }

    [Fact]
    public void TooFewRows_NamesTheShapeAndTheMinimum()
    {
        var one = Assert.Throws<DescentDataException>(() => DataCheck.Features(Filled(1, 3), "Ridge.Fit", minimumRows: 2));
        Assert.Equal("Ridge.Fit: X has 1 row (shape 1×3), but at least 2 are needed; give Ridge more rows.", one.Message);
        var none = Assert.Throws<DescentDataException>(() => DataCheck.Shape(new Matrix<double>(0, 4), "MinMaxScaler.Fit"));
        Assert.Equal("MinMaxScaler.Fit: X has 0 rows (shape 0×4), but at least 1 is needed; give MinMaxScaler more rows.", none.Message);
        DataCheck.Features(Filled(2, 3), "Ridge.Fit", minimumRows: 2);
    }

    [Fact]
    public void NoColumns_NamesTheShape()
    {
        var error = Assert.Throws<DescentDataException>(() => DataCheck.Features(new Matrix<double>(5, 0), "Lasso.Fit"));
        Assert.Equal("Lasso.Fit: X has no columns (shape 5×0); at least one feature is needed.", error.Message);
    }

    [Fact]
    public void TargetCountMismatch_NamesBothLengths()
    {
        var regression = Assert.Throws<DescentDataException>(() => DataCheck.RegressionData(Filled(150, 4), new double[149], "Ridge.Fit"));
        Assert.Equal("Ridge.Fit: X has 150 rows but y has 149 values; every row of X needs one target.", regression.Message);
        var classification = Assert.Throws<DescentDataException>(() => DataCheck.Labels(Filled(1, 2), new[] { 0, 1 }, "Perceptron.Fit"));
        Assert.Equal("Perceptron.Fit: X has 1 row but y has 2 values; every row of X needs one target.", classification.Message);
        Assert.Throws<DescentDataException>(() => DataCheck.Targets(Filled(3, 1), new double[4], "ElasticNet.Fit"));
    }

    [Fact]
    public void OneClass_NamesTheClass()
    {
        var error = Assert.Throws<DescentDataException>(() => DataCheck.Labels(Filled(3, 2), new[] { "cat", "cat", "cat" }, "LogisticRegression.Fit"));
        Assert.Equal("LogisticRegression.Fit: y has only one class ('cat'); a classifier needs examples of at least two classes.", error.Message);
        DataCheck.Labels(Filled(3, 2), new[] { "cat", "dog", "cat" }, "LogisticRegression.Fit");
    }

    [Fact]
    public void FeatureCountAtPredict_NamesBothCounts()
    {
        var error = Assert.Throws<DescentDataException>(() => DataCheck.PredictionFeatures(Filled(2, 1), 4, "LinearModel.Predict"));
        Assert.Equal("LinearModel.Predict: X has 1 column, but the model was fitted on 4; pass the same features, in the same order, as at Fit.",
            error.Message);
        Assert.Throws<DescentDataException>(() => DataCheck.FeatureCount(Filled(2, 5), 4, "Pipeline.Transform"));
        DataCheck.PredictionFeatures(Filled(0, 4), 4, "LinearModel.Predict"); // no rows is a valid (empty) prediction
    }

    [Fact]
    public void NonFiniteFeature_NamesTheFirstRowAndColumn_AndCountsTheOthers()
    {
        var x = Filled(40, 6);
        x[17, 3] = double.NaN;
        x[20, 3] = double.PositiveInfinity;
        x[21, 5] = double.NaN;
        x[30, 5] = double.NegativeInfinity;
        x[39, 3] = double.NaN;
        var error = Assert.Throws<DescentDataException>(() => DataCheck.Features(x, "Ridge.Fit"));
        Assert.Equal("Ridge.Fit: X contains NaN at row 17, column 3 (and 4 more non-finite values in columns 3, 5). " +
            "Ridge does not accept missing or infinite values; drop or impute those rows first.", error.Message);
        Assert.Equal(17, error.Row);
        Assert.Equal(3, error.Column);
    }

    [Fact]
    public void NonFiniteFeature_FirstIsInRowMajorOrder_AndOneMoreIsSingular()
    {
        var x = Filled(4, 5);
        x[2, 0] = double.NaN;
        x[1, 4] = double.NegativeInfinity;
        var error = Assert.Throws<DescentDataException>(() => DataCheck.Finite(x, "StandardScalerModel.Transform"));
        Assert.Equal("StandardScalerModel.Transform: X contains -Infinity at row 1, column 4 (and 1 more non-finite value in column 0). " +
            "StandardScalerModel does not accept missing or infinite values; drop or impute those rows first.", error.Message);
        Assert.Equal((1L, 4), (error.Row!.Value, error.Column!.Value));
    }

    [Fact]
    public void NonFiniteFeature_ListsAtMostFiveColumns()
    {
        var x = Filled(2, 8);
        for (int j = 0; j < 8; j++)
            x[1, j] = double.PositiveInfinity;
        var error = Assert.Throws<DescentDataException>(() => DataCheck.Finite(x, "Lasso.Fit"));
        Assert.StartsWith("Lasso.Fit: X contains +Infinity at row 1, column 0 (and 7 more non-finite values in columns 1, 2, 3, 4, 5, …). ",
            error.Message);
    }

    [Fact]
    public void NonFiniteFeature_IsFoundInViews_AsInTheMatrixTheyShow()
    {
        var x = Filled(6, 5);
        x[4, 2] = double.NaN;
        // A column range keeps contiguous rows but is not contiguous; a transpose has neither.
        var columns = Assert.Throws<DescentDataException>(() => DataCheck.Finite(x.ColumnRange(1, 3), "Ridge.Fit"));
        Assert.Equal((4L, 1), (columns.Row!.Value, columns.Column!.Value));
        var transposed = Assert.Throws<DescentDataException>(() => DataCheck.Finite(x.Transpose(), "Ridge.Fit"));
        Assert.Equal((2L, 4), (transposed.Row!.Value, transposed.Column!.Value));
        DataCheck.Finite(x.ColumnRange(3, 2), "Ridge.Fit");
        DataCheck.Finite(x.RowRange(0, 4).Transpose(), "Ridge.Fit");
    }

    [Fact]
    public void FiniteValuesWhoseSumOverflows_AreAccepted()
    {
        var x = Matrix.FromRows<double>([[double.MaxValue, double.MaxValue], [double.MaxValue, -1.0]]);
        DataCheck.Features(x, "Ridge.Fit");
        DataCheck.Features(x.Transpose(), "Ridge.Fit");
        DataCheck.Features(x.ColumnRange(0, 2).RowRange(0, 1), "Ridge.Fit");
        DataCheck.RegressionData(x, [double.MaxValue, double.MaxValue], "Ridge.Fit");
        x[1, 1] = double.NaN;
        Assert.Equal(1, Assert.Throws<DescentDataException>(() => DataCheck.Finite(x, "Ridge.Fit")).Column);
    }

    [Fact]
    public void NonFiniteTarget_NamesTheFirstRow_AndCountsTheOthers()
    {
        var error = Assert.Throws<DescentDataException>(() =>
            DataCheck.RegressionData(Filled(5, 2), [1.0, 2.0, double.PositiveInfinity, double.NaN, double.NaN], "Ridge.Fit"));
        Assert.Equal("Ridge.Fit: y contains +Infinity at row 2 (and 2 more non-finite values). " +
            "Targets must be finite numbers; drop or impute those rows first.", error.Message);
        Assert.Equal(2, error.Row);
        Assert.Null(error.Column);
        var one = Assert.Throws<DescentDataException>(() => DataCheck.Targets(Filled(2, 1), [double.NaN, 0.0], "Lasso.Fit"));
        Assert.Equal("Lasso.Fit: y contains NaN at row 0. Targets must be finite numbers; drop or impute those rows first.", one.Message);
    }

    [Fact]
    public void NotFloat32_NamesTheValueTooLargeForFloat32_OrTheNaN()
    {
        var x = Filled(3, 2);
        x[1, 1] = -1e300;
        x[2, 0] = double.NaN;
        var error = Assert.Throws<DescentDataException>(() => DataCheck.ThrowNotFloat32(x, "DecisionTreeRegressor.Fit"));
        Assert.Equal("DecisionTreeRegressor.Fit: X contains -1E+300, which is too large for float32 (trees compare features as float32, " +
            "as scikit-learn's do) at row 1, column 1 (and 1 more non-finite value in column 0). DecisionTreeRegressor does not " +
            "accept missing or infinite values, nor values beyond float32's ±3.4e38; drop or impute those rows first (or rescale the features).",
            error.Message);
        Assert.Equal((1L, 1), (error.Row!.Value, error.Column!.Value));
        x[1, 1] = 0;
        var nan = Assert.Throws<DescentDataException>(() => DataCheck.ThrowNotFloat32(x, "DecisionTreeRegressorModel.Predict"));
        Assert.StartsWith("DecisionTreeRegressorModel.Predict: X contains NaN at row 2, column 0. DecisionTreeRegressorModel does not accept",
            nan.Message);
    }
}
