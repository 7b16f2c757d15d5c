using Descent.Data;
using Descent.NeuralNetworks;

namespace Descent.Tests.NeuralNetworks;

/// <summary>
/// Real data: trained in float32 on the 60,000 Fashion-MNIST training images (Debian's dataset-fashion-mnist, read by
/// the IDX reader), an MLP classifies at least 85 % of the 10,000 test images after two epochs. Skipped, with the
/// reason, where the package is not installed. (The ≥ 89 % of 20 epochs is the bench's <c>mlp-fashion-train</c>, in
/// Release: too long for the test suite's Debug build.)
/// </summary>
public class FashionMnistTests
{
    [SkippableFact]
    public void Mlp_ClassifiesEightyFivePercent_OfTheTestImages_AfterTwoEpochs()
    {
        Skip.IfNot(FashionMnist.IsInstalled(), "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        var (x, labels) = FashionMnist.LoadScaled(train: true);
        var y = ClassLabels.FromIntegers(labels);
        var model = new MlpClassifier { HiddenLayerSizes = [256], BatchSize = 128, LearningRate = 1e-3, MaxIterations = 2, Seed = 0 }.Fit(x, y);

        var test = FashionMnist.Load(train: false);
        int[] predicted = model.PredictClassIndices(test.Features * (1.0 / 255));
        double accuracy = predicted.Zip(test.Target!).Count(p => p.First == (int)p.Second) / (double)predicted.Length;
        Assert.True(accuracy >= 0.85, $"test accuracy {accuracy:P2} after {model.Iterations} epochs");
    }

    [SkippableFact]
    public void LoadScaled_GivesThePixelsOverTwoHundredFiftyFive_AndTheLabels()
    {
        Skip.IfNot(FashionMnist.IsInstalled(), "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)");
        var (images, labels) = FashionMnist.LoadArrays(train: false);
        var (x, classes) = FashionMnist.LoadScaled(train: false, count: 3);
        Assert.Equal((3, 784), (x.Rows, x.Columns));
        Assert.Equal(images.Values.Take(3 * 784).Select(b => b / 255f), x.AsSpan().ToArray());
        Assert.Equal(labels.Values.Take(3).Select(b => (int)b), classes);
        Assert.Throws<ArgumentOutOfRangeException>(() => FashionMnist.LoadScaled(train: false, count: 10001));
    }
}
