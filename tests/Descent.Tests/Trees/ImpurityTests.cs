using Descent.Trees;

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
}
