using System.Security.Cryptography;
using Descent.Data;

namespace Descent.Tests.Data;

public class DatasetsTests
{
    public static TheoryData<string> EmbeddedNames() =>
        new("iris", "wine", "breast_cancer", "diabetes", "digits", "exam_scores", "house_prices", "food_truck");

    [Theory]
    [InlineData("iris", "iris.csv: 150 rows × 4 features, target 'species'")]
    [InlineData("food_truck", "food_truck.csv: 97 rows × 1 feature, target 'profit_10k_usd'")]
    public void ToString_SaysRowsFeaturesAndTarget_InTheRightNumber(string name, string expected) =>
        Assert.Equal(expected, Datasets.Load(name).ToString());

    [Theory]
    [MemberData(nameof(EmbeddedNames))]
    public void Load_GivesTheShapeTheListAnnounces_WithTheLastColumnAsTarget(string name)
    {
        DatasetInfo info = Datasets.List().Single(d => d.Name == name);
        Dataset data = Datasets.Load(name);
        Assert.Equal(info.Rows, data.Rows);
        Assert.Equal(info.Columns, data.FeatureCount + 1);
        Assert.Equal(info.Target, data.TargetName);
        Assert.NotNull(data.Target);
        Assert.All(data.Features.ToArray(), v => Assert.True(double.IsFinite(v)));
        int classes = data.RequireClassLabels().Classes.Count;
        if (info.Task.StartsWith("binary", StringComparison.Ordinal))
            Assert.Equal(2, classes);
        else if (info.Task.StartsWith("classification", StringComparison.Ordinal))
            Assert.Equal($"classification ({classes} classes)", info.Task);
        else
            Assert.Equal("regression", info.Task);
    }

    [Fact]
    public void Load_Iris_KeepsNumericLabelsAndKnownValues()
    {
        Dataset iris = Datasets.Load("iris");
        Assert.Equal(["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"], iris.FeatureNames);
        Assert.Equal(["0", "1", "2"], iris.RequireClassLabels().Classes.Select(c => c.Text));
        Assert.Equal(new double[] { 5.1, 3.5, 1.4, 0.2 }, iris.Features.Row(0).ToArray());
        Assert.Equal(50, iris.Target!.Count(t => t == 2));
    }

    [Fact]
    public void Load_DiabetesMean_MatchesTheReadme()
    {
        Dataset diabetes = Datasets.Load("diabetes");
        Assert.Equal(152.1335, diabetes.Target!.Average(), 4);
        Assert.Equal(25, diabetes.Target!.Min());
        Assert.Equal(346, diabetes.Target!.Max());
    }

    [Theory]
    [InlineData("breast_cancer", "24e220f06a0844385ea0e0f551c2ee1f9725e248e1dd662fafca95e0c7d1a0bf")]
    [InlineData("diabetes", "731c91514b20f51185739fd2533cde9eccd1c61b16c2aba62d9c8082a9151d4f")]
    [InlineData("digits", "ba6ee5aa91a99912e5e4e601339a3d45bb1c136a5df153daf68d7a8e45a04ce5")]
    [InlineData("exam_scores", "d9245dcfac8257ab2f91a953c2f52437e4f86cd8edd9cc7b35e6fe233015ce7b")]
    [InlineData("food_truck", "7ec43e48ed13449ba94a6dcabc9d62b1fa2992311db0b2b3d3e5bdef8dcd9507")]
    [InlineData("house_prices", "aac1eda079fcb4fcbffd1493f8c239a916aea01c13ca82e861aa593e02b630ba")]
    [InlineData("iris", "3a6fc062ef64e75ac2e711cf140609279c55c7d9e17c794fc15ddc46c77287a0")]
    [InlineData("wine", "1c03cbe47141f544075233e4d94488e7d1ad327891d8c4e1b3619317fabd988a")]
    public void OpenCsv_ReturnsTheReferenceBytes(string name, string sha256)
    {
        // Hashes from the reference dataset set's SHA256SUMS (see src/Descent/Data/Embedded/README.md).
        using Stream stream = Datasets.OpenCsv(name);
        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }

    [Fact]
    public void Load_WithOptions_SelectsTargetAndFeatures()
    {
        Dataset data = Datasets.Load("house_prices", new CsvReadOptions { Target = "price", Features = ["bedrooms"] });
        Assert.Equal(["bedrooms"], data.FeatureNames);
        Assert.Equal(47, data.Rows);
    }

    [Theory]
    [InlineData("Iris")]
    [InlineData("breast-cancer")]
    [InlineData(" wine ")]
    public void Exists_IgnoresCaseAndDashes(string name) => Assert.True(Datasets.Exists(name));

    [Fact]
    public void Load_UnknownName_ListsTheDatasetsAndSuggests()
    {
        var error = Assert.Throws<DescentDataException>(() => Datasets.Load("irsi"));
        Assert.Contains("No dataset is called 'irsi' (did you mean 'iris'?)", error.Message);
        Assert.Contains("food_truck", error.Message);
    }

    [Fact]
    public void PlayTennis_LoadsAsATableOfCategories_QuinlansFourteenDays()
    {
        DatasetInfo info = Datasets.List().Single(d => d.Name == "play_tennis");
        Table table = Datasets.LoadTable("play_tennis");
        Assert.Equal(info.Rows, table.Rows);
        Assert.Equal(info.Columns, table.Columns.Count + 1);
        Assert.Equal("play", table.TargetName);
        Assert.Equal(["outlook", "temperature", "humidity", "wind"], table.ColumnNames);
        Assert.All(table.Columns, c => Assert.Equal(ColumnKind.Category, c.Kind));
        var outlook = (CategoricalColumn)table["outlook"];
        Assert.Equal(["overcast", "rain", "sunny"], outlook.Categories.Order(StringComparer.Ordinal));
        // 9 days of tennis and 5 without (Quinlan 1986, Table 1); day 1: sunny, hot, high humidity, weak wind, no tennis
        var play = table.RequireClassLabels();
        Assert.Equal(9, play.Indices.Count(k => play.Classes[k].Text == "yes"));
        Assert.Equal(["sunny", "hot", "high", "weak"], table.Columns.Select(c => c.Text(0)));
        Assert.Equal("no", play.Classes[play.Indices[0]].Text);
        // the numeric loader cannot read categories, and says where
        var e = Assert.Throws<DescentDataException>(() => Datasets.Load("play_tennis"));
        Assert.Contains("play_tennis.csv", e.Message);
        // a numeric dataset loads as a table too
        Assert.Equal(150, Datasets.LoadTable("iris").Rows);
    }
}
