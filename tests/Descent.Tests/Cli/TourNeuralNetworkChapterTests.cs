using System.Text.Json;
using Descent.Data;
using Descent.Metrics;
using Descent.ModelSelection;
using Descent.NeuralNetworks;
using Descent.Preprocessing;
using Descent.Tests.Plotting;

namespace Descent.Tests.Cli;

/// <summary>
/// The tour's neural-network chapters read back: one neuron equals the regressions, the computation graph carries the
/// backward pass's gradients, sigmoids make the gradient vanish where ReLU does not, the MLP bends its boundary on the
/// moons, the learning rate is the one with the lowest validation error, the digits accuracy is the library's, and
/// Fashion-MNIST is drawn when installed.
/// </summary>
[Collection("Tour")]
public class TourNeuralNetworkChapterTests(TourFixture tour)
{
    private static double[] Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private static string[] Texts(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    [Fact]
    public void OneNeuron_ReachesTheRegressionsParameters()
    {
        var chapter = tour.Chapter("one_neuron");
        Assert.True(chapter.GetProperty("linear_gap").GetDouble() < 1e-10);
        Assert.True(chapter.GetProperty("logistic_gap").GetDouble() < 1e-10);
        double[] theta = Numbers(chapter.GetProperty("linear_weights"));
        Assert.Equal(-3.63, theta[0], 2);   // the course's ex1 values after 1500 steps of η = 0.01
        Assert.Equal(1.166, theta[1], 3);
        Assert.Contains(Figures(chapter), f => f.EndsWith("-neuron-costs.svg", StringComparison.Ordinal));
    }

    [Fact]
    public void Backpropagation_DrawsEachValueWithItsGradient_AndAgreesWithAutograd()
    {
        var chapter = tour.Chapter("backpropagation");
        double[] gradients = Numbers(chapter.GetProperty("gradients"));
        // L = −ln σ(v·tanh(w·x + b) + c) at x = (2, −1), w = (−0.5, 0.8), b = 0.3, v = 1.5, c = −0.2.
        double h = Math.Tanh(2 * -0.5 + -1 * 0.8 + 0.3), p = 1 / (1 + Math.Exp(-(1.5 * h - 0.2)));
        Assert.Equal(-Math.Log(p), chapter.GetProperty("loss").GetDouble(), 12);
        double dz = p - 1, dh = dz * 1.5 * (1 - h * h);
        Assert.Equal([dh * 2, dh * -1, dh, dz * h, dz], gradients, (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.True(chapter.GetProperty("autograd_gap").GetDouble() < 1e-12);
        string text = tour.Figure("backpropagation", "computation-graph").Root!.Value;
        Assert.Contains("w₁", text);
        Assert.Contains("tanh", text);
    }

    [Fact]
    public void Activations_TheSigmoidsGradientVanishes_ReLUsDoesNot()
    {
        var chapter = tour.Chapter("activations");
        double[] sigmoid = Numbers(chapter.GetProperty("sigmoid_norms")), relu = Numbers(chapter.GetProperty("relu_norms"));
        Assert.Equal(11, sigmoid.Length);
        Assert.True(sigmoid[^1] / sigmoid[0] > 1000, "the first sigmoid layer gets a far smaller gradient than the last");
        Assert.True(relu[^1] / relu[0] < 10, "ReLU passes the gradient on");
        var probe = new SvgProbe(tour.Figure("activations", "vanishing-gradients").ToString());
        Assert.Contains("sigmoid", probe.Document.Root!.Value);
        Assert.Contains("ReLU", probe.Document.Root!.Value);
    }

    [Fact]
    public void Mlp_BendsItsBoundary_ChoosesTheRateOnValidation_AndScoresTheDigits()
    {
        var chapter = tour.Chapter("mlp");
        Assert.True(chapter.GetProperty("moons_accuracy").GetDouble() > chapter.GetProperty("moons_line_accuracy").GetDouble() + 0.05);
        double[] errors = Numbers(chapter.GetProperty("validation_error"));
        double[] rates = Numbers(chapter.GetProperty("rates"));
        Assert.Equal(rates[Array.IndexOf(errors, errors.Where(double.IsFinite).Min())], chapter.GetProperty("best_rate").GetDouble());
        Assert.True(Numbers(chapter.GetProperty("moons_loss")).Length == chapter.GetProperty("moons_epochs").GetInt32());

        // The digits accuracy is the library's, refitted here with the chosen rate.
        var digits = Datasets.Load("digits");
        var split = TrainTestSplit.Split(digits.Features, digits.RequireClassLabels(), 0.25, seed: 0, stratify: true);
        var scaler = new StandardScaler().Fit(split.XTrain);
        var model = new MlpClassifier { HiddenLayerSizes = [32], LearningRate = chapter.GetProperty("best_rate").GetDouble(), MaxIterations = 15, Seed = 0 }
            .Fit(scaler.Transform(split.XTrain), split.YTrain);
        double accuracy = ClassificationMetrics.Accuracy(split.YTest.Indices, model.PredictClassIndices(scaler.Transform(split.XTest)));
        Assert.Equal(accuracy, chapter.GetProperty("digits_test_accuracy").GetDouble());
        Assert.True(accuracy > 0.93, $"digits test accuracy {accuracy}");
        Assert.Contains("contour-line", tour.Figure("mlp", "moons-boundary").ToString());
        Assert.Contains("Choosing the MLP's learning rate on a validation set", tour.Figure("mlp", "learning-rate").Root!.Value);
    }

    [Fact]
    public void FashionMnist_IsDrawnWhenInstalled_AndSaysHowToInstallOtherwise()
    {
        var chapter = tour.Chapter("fashion_mnist");
        if (!FashionMnist.IsInstalled())
        {
            Assert.Equal("no", chapter.GetProperty("installed").GetString());
            Assert.Contains("apt-get install dataset-fashion-mnist", tour.Result.Html);
            return;
        }
        Assert.True(chapter.GetProperty("test_accuracy").GetDouble() > 0.75);
        // Each image's title, wrapped on two lines at this width, is "predicted / true", with ✗ on a mistake.
        var svg = tour.Figure("fashion_mnist", "fashion-grid");
        string drawn = string.Join(" ", svg.Descendants(SvgProbe.Svg + "text").Select(t => t.Value).Skip(1));
        string[] predicted = Texts(chapter.GetProperty("predicted")), truth = Texts(chapter.GetProperty("truth"));
        Assert.Equal(12, predicted.Length);
        Assert.Equal(string.Join(" ", predicted.Zip(truth, (p, t) => $"{p} / {t}{(p == t ? "" : " ✗")}")), drawn);
    }

    private static string[] Figures(JsonElement chapter) =>
        chapter.GetProperty("figures").EnumerateArray().Select(f => f.GetString()!).ToArray();
}
