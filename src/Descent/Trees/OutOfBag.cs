using Descent.Numerics;

namespace Descent.Trees;

/// <summary>
/// Out-of-bag estimates of a forest's generalisation: every training row is predicted by the trees whose bootstrap
/// sample missed it, as scikit-learn's <c>oob_score</c>; rows that every tree saw (rare with many trees) are left out.
/// </summary>
internal static class OutOfBag
{
    /// <summary>Accuracy of the out-of-bag class predictions.</summary>
    public static double Accuracy(RandomForestClassifierModel model, Matrix<double> x, int[] classOf, bool[][] outOfBag)
    {
        int[] predicted = model.Probabilities(x, outOfBag).ArgMax(axis: 1);
        int counted = 0, correct = 0;
        for (int i = 0; i < x.Rows; i++)
        {
            if (!AnyTree(outOfBag, i))
                continue;
            counted++;
            if (predicted[i] == classOf[i])
                correct++;
        }
        return counted > 0 ? correct / (double)counted : double.NaN;
    }

    /// <summary>R² of the out-of-bag mean predictions.</summary>
    public static double RSquared(RandomForestRegressorModel model, Matrix<double> x, double[] y, bool[][] outOfBag)
    {
        double[] predictions = model.Predictions(x, outOfBag);
        double sum = 0.0;
        int counted = 0;
        for (int i = 0; i < y.Length; i++)
        {
            if (AnyTree(outOfBag, i))
            {
                sum += y[i];
                counted++;
            }
        }
        if (counted == 0)
            return double.NaN;
        double mean = sum / counted, residual = 0.0, total = 0.0;
        for (int i = 0; i < y.Length; i++)
        {
            if (!AnyTree(outOfBag, i))
                continue;
            residual += (y[i] - predictions[i]) * (y[i] - predictions[i]);
            total += (y[i] - mean) * (y[i] - mean);
        }
        return total > 0.0 ? 1.0 - residual / total : residual == 0.0 ? 1.0 : 0.0;
    }

    private static bool AnyTree(bool[][] outOfBag, int row)
    {
        foreach (bool[] mask in outOfBag)
        {
            if (mask[row])
                return true;
        }
        return false;
    }
}
