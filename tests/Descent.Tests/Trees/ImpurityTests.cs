using Descent.Data;
using Descent.Numerics;
using Descent.Trees;
using Descent.Trees.Criteria;

namespace Descent.Tests.Trees;

/// <summary>The textbook impurity functions on the textbook examples (Mitchell, Machine Learning, ch. 3: PlayTennis).</summary>
public class ImpurityTests
{
    // Mitchell's PlayTennis table, days D1..D14: outlook, humidity, wind and the target.
    private static readonly string[] Outlook = ["Sunny", "Sunny", "Overcast", "Rain", "Rain", "Rain", "Overcast", "Sunny", "Sunny", "Rain", "Sunny", "Overcast", "Overcast", "Rain"];
    private static readonly string[] Humidity = ["High", "High", "High", "High", "Normal", "Normal", "Normal", "High", "Normal", "Normal", "Normal", "High", "Normal", "High"];
    private static readonly string[] Wind = ["Weak", "Strong", "Weak", "Weak", "Weak", "Strong", "Strong", "Weak", "Weak", "Weak", "Strong", "Strong", "Weak", "Strong"];
    private static readonly string[] Play = ["No", "No", "Yes", "Yes", "Yes", "No", "Yes", "No", "Yes", "Yes", "Yes", "Yes", "Yes", "No"];

    [Fact]
    public void Entropy_OfPlayTennis_Is0940()
    {
        Assert.Equal(0.940, Impurity.Entropy(ClassLabels.FromText(Play)), 3);
        // -(9/14) log2(9/14) - (5/14) log2(5/14)
        double exact = -(9.0 / 14) * Math.Log2(9.0 / 14) - (5.0 / 14) * Math.Log2(5.0 / 14);
        Assert.Equal(exact, Impurity.Entropy([9.0, 5.0]), 15);
    }

    [Fact]
    public void InformationGain_OfTheAttributes_MatchesTheTextbook()
    {
        var play = ClassLabels.FromText(Play);
        // the textbook truncates to three decimals: 0.246 (0.2467...), 0.151, 0.048
        Assert.Equal(0.246, Impurity.InformationGain(play, Outlook), 0.001);
        Assert.Equal(0.151, Impurity.InformationGain(play, Humidity), 0.001);
        Assert.Equal(0.048, Impurity.InformationGain(play, Wind), 0.001);
        Assert.True(Impurity.InformationGain(play, Outlook) > Impurity.InformationGain(play, Humidity));
    }

    [Fact]
    public void InformationGain_FromCounts_EqualsParentMinusWeightedChildren()
    {
        // Wind: Weak = [6 yes, 2 no], Strong = [3 yes, 3 no]
        double expected = Impurity.Entropy([9.0, 5.0]) - 8.0 / 14 * Impurity.Entropy([6.0, 2.0]) - 6.0 / 14 * 1.0;
        Assert.Equal(expected, Impurity.InformationGain([9.0, 5.0], [[6.0, 2.0], [3.0, 3.0]]), 15);
    }

    [Fact]
    public void Gini_MatchesItsDefinition()
    {
        Assert.Equal(1.0 - (9.0 / 14) * (9.0 / 14) - (5.0 / 14) * (5.0 / 14), Impurity.Gini(ClassLabels.FromText(Play)), 15);
        Assert.Equal(0.0, Impurity.Gini([7.0, 0.0, 0.0]));
        Assert.Equal(2.0 / 3.0, Impurity.Gini([5.0, 5.0, 5.0]), 15);
        Assert.Equal(Math.Log2(3.0), Impurity.Entropy([5.0, 5.0, 5.0]), 15);
        Assert.Equal(0.0, Impurity.Entropy([0.0, 4.0]));
    }

    [Fact]
    public void InformationGain_Throws_WhenLengthsDiffer()
    {
        var error = Assert.Throws<ArgumentException>(() => Impurity.InformationGain(ClassLabels.FromText(Play), Outlook[..5]));
        Assert.Contains("the attribute has 5 values but there are 14 labels", error.Message);
    }

    [Fact]
    public void BestThresholdGain_IsTheLargestGainOverEveryMidpoint_AndTheEntropyTreesRootSplit()
    {
        Dataset iris = Datasets.Load("iris");
        ClassLabels species = iris.RequireClassLabels();
        for (int j = 0; j < iris.Features.Columns; j++)
        {
            double[] column = Enumerable.Range(0, iris.Rows).Select(i => iris.Features[i, j]).ToArray();
            var (gain, threshold) = Impurity.BestThresholdGain(species, column);
            // brute force: the gain of grouping the rows by "value <= t" for every midpoint t
            double[] distinct = column.Distinct().Order().ToArray();
            double best = distinct.Zip(distinct.Skip(1), (a, b) => Impurity.InformationGain(species,
                column.Select(v => v <= (a + b) / 2 ? "left" : "right").ToArray())).Max();
            Assert.Equal(best, gain, 12);
            Assert.Equal(gain, Impurity.InformationGain(species, column.Select(v => v <= threshold ? "left" : "right").ToArray()), 12);
            // a depth-1 tree grown with entropy on this feature alone asks the same question
            var stump = new DecisionTreeClassifier { MaxDepth = 1, Criterion = SplitCriteria.Entropy }
                .Fit(Matrix.Wrap(column, column.Length, 1), species);
            Assert.Equal(threshold, stump.Tree.Nodes[0].Threshold, 1e-6);    // the tree keeps float32 thresholds, as scikit-learn
        }
        // petal length <= 2.45 sets the 50 setosa apart: log2(3) - 100/150 * 1 bit
        var petal = Impurity.BestThresholdGain(species, Enumerable.Range(0, iris.Rows).Select(i => iris.Features[i, 2]).ToArray());
        Assert.Equal(2.45, petal.Threshold, 12);
        Assert.Equal(Math.Log2(3) - 2.0 / 3, petal.Gain, 12);
    }

    [Fact]
    public void BestThresholdGain_OfAConstantAttribute_IsZeroAtNoThreshold_AndBadValuesAreRefused()
    {
        ClassLabels labels = ClassLabels.FromText(Play);
        var (gain, threshold) = Impurity.BestThresholdGain(labels, Enumerable.Repeat(3.0, Play.Length).ToArray());
        Assert.Equal(0.0, gain);
        Assert.True(double.IsNaN(threshold));
        Assert.Throws<ArgumentException>(() => Impurity.BestThresholdGain(labels, [1.0, 2.0]));
        double[] withNaN = Enumerable.Range(0, Play.Length).Select(i => i == 3 ? double.NaN : i).ToArray();
        Assert.Contains("value 3 is NaN", Assert.Throws<ArgumentException>(() => Impurity.BestThresholdGain(labels, withNaN)).Message);
    }
}
