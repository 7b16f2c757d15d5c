using Descent.Linear;
using Descent.Numerics;
using Descent.Trees;

namespace Descent.Tests.Estimators;

/// <summary>
/// A target with about as many classes as rows (an ID used as the target) is refused by every classifier with an
/// error that suggests a regressor or another target (issue 17, item 9); ordinary targets, small ones included, pass.
/// </summary>
public class ClassCountTests
{
    private static (Matrix<double> X, ClassLabels Y) IdTarget(int rows, int classes)
    {
        var x = new Matrix<double>(rows, 2);
        var labels = new string[rows];
        for (int i = 0; i < rows; i++)
        {
            x[i, 0] = i;
            x[i, 1] = i % 7;
            labels[i] = "id" + (i % classes);
        }
        return (x, ClassLabels.FromText(labels));
    }

    public static TheoryData<string> Classifiers => ["logistic", "perceptron", "tree", "forest"];

    private static void Fit(string name, Matrix<double> x, ClassLabels y)
    {
        switch (name)
        {
            case "logistic": new LogisticRegression { MaxIterations = 2 }.Fit(x, y); break;
            case "perceptron": new Perceptron { MaxIterations = 1 }.Fit(x, y); break;
            case "tree": new DecisionTreeClassifier { MaxDepth = 2 }.Fit(x, y); break;
            default: new RandomForestClassifier { TreeCount = 2, MaxDepth = 2 }.Fit(x, y); break;
        }
    }

    [Theory]
    [MemberData(nameof(Classifiers))]
    public void IdLikeTarget_IsRefused_SuggestingARegressorOrAnotherTarget(string classifier)
    {
        var (x, y) = IdTarget(200, 181);

        var error = Assert.Throws<DescentDataException>(() => Fit(classifier, x, y));

        Assert.Contains("y has 181 classes for 200 rows", error.Message);
        Assert.Contains("regressor", error.Message);
        Assert.Contains("another target", error.Message);
    }

    [Theory]
    [MemberData(nameof(Classifiers))]
    public void ManyClassesWithSeveralRowsEach_AndTinyProblems_Pass(string classifier)
    {
        var (x, y) = IdTarget(200, 100);   // two rows a class: not more than half the rows
        Fit(classifier, x, y);
        var (tinyX, tinyY) = IdTarget(5, 4);   // fewer than 10 classes: small samples are allowed to be sparse
        Fit(classifier, tinyX, tinyY);
    }

    [Fact]
    public void RowsTimesClassesBeyondOneArray_IsRefusedBeforeAllocating_NotAnOverflow()
    {
        // 50,000 rows of 50,000 classes: 2.5e9 scores, more than an array holds and (3 × 8 bytes each) the budget
        var labels = new Label[100_000];
        for (int i = 0; i < labels.Length; i++)
            labels[i] = new Label("c" + (i % 50_000));
        var y = ClassLabels.FromLabels(labels);
        var x = new Matrix<double>(labels.Length, 1);
        var error = Assert.Throws<InsufficientMemoryException>(() => DataCheck.Labels(x, y, "LogisticRegression.Fit"));
        Assert.Contains("100,000 rows × 50,000 classes", error.Message);
    }
}
