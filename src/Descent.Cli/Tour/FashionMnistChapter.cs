using Descent.Data;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Plotting;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Real images, when Debian's dataset-fashion-mnist is installed (otherwise the chapter says how to get it): an MLP
/// trained in float32 on the first 5,000 training images, its accuracy on the first 2,000 test images, and a grid of
/// test images with the predicted and true labels (small numbers, to keep the tour fast).
/// </summary>
internal sealed class FashionMnistChapter : TourChapter
{
    private const int TrainingImages = 5000, TestImages = 2000, Epochs = 3, Shown = 12;

    public override string Key => "fashion_mnist";

    public override string Title => "Fashion-MNIST: an MLP on real images";

    public override void Run(ChapterWriter chapter)
    {
        chapter.Paragraph(
            "Fashion-MNIST (Zalando, 2017) holds 70,000 grey 28×28 pictures of clothing in 10 classes: a network sees each as 784 " +
            "numbers, one per pixel, and must learn from the pixels alone what makes a sneaker a sneaker.");
        if (!FashionMnist.IsInstalled())
        {
            chapter.Notice("Fashion-MNIST is not installed here: apt-get install dataset-fashion-mnist, then run the tour again.");
            chapter.Metric("installed", "no");
            chapter.SetSummary("MLPClassifier", "fashion-mnist", "test accuracy", "not installed");
            return;
        }
        var (x, labels) = FashionMnist.LoadScaled(train: true, TrainingImages);
        var y = ClassLabels.FromIntegers(labels);
        var model = new MlpClassifier { HiddenLayerSizes = [128], BatchSize = 64, MaxIterations = Epochs, Seed = 0 }.Fit(x, y);

        var (testImages, truth) = FashionMnist.LoadScaled(train: false, TestImages);
        var testX = new Matrix<double>(TestImages, testImages.Columns);
        Span<double> testPixels = testX.AsSpan();
        ReadOnlySpan<float> scaled = testImages.AsSpan();
        for (int i = 0; i < testPixels.Length; i++)
            testPixels[i] = scaled[i];   // the float32 pixels, held in double for Predict
        int[] predicted = model.PredictClassIndices(testX);
        double accuracy = predicted.Zip(truth).Count(p => p.First == p.Second) / (double)truth.Length;
        chapter.Paragraph(
            $"An MLP of 128 ReLU units, trained in float32 for {Epochs} epochs (Adam, batches of 64) on the first " +
            $"{Thousands(TrainingImages)} training images, classifies {Percent(accuracy)} of the first {Thousands(truth.Length)} test images. " +
            "Trained on all 60,000 for 20 epochs (the bench's mlp-fashion-train), it passes 89 %.");
        chapter.Figure("fashion-grid", Grid(testX, predicted, truth),
            $"The first {Shown} test images, each titled with the MLP's prediction and, after the slash, the truth; the mistakes are " +
            "marked ✗.");
        chapter.Metric("installed", "yes").Metric("training_images", TrainingImages).Metric("epochs", Epochs).Metric("test_accuracy", accuracy)
            .Metric("predicted", predicted.Take(Shown).Select(k => FashionMnist.ClassNames[k]).ToArray())
            .Metric("truth", truth.Take(Shown).Select(k => FashionMnist.ClassNames[k]).ToArray());
        chapter.SetSummary("MLPClassifier (128 ReLU units)", "fashion-mnist", "test accuracy", Percent(accuracy));
    }

    private static Figure Grid(Matrix<double> images, int[] predicted, int[] truth)
    {
        const int columns = 6;
        var figure = new Figure(Shown / columns, columns, width: 900, height: 360) { Title = "Fashion-MNIST test images: predicted / true" };
        for (int k = 0; k < Shown; k++)
        {
            var axes = figure[k / columns, k % columns];
            var values = new double[28, 28];
            for (int r = 0; r < 28; r++)
                for (int c = 0; c < 28; c++)
                    values[r, c] = images[k, 28 * r + c];
            var heatmap = axes.Heatmap(values, colormap: Colormap.Blues, min: 0, max: 1);
            heatmap.AnnotationFormat = null;
            axes.SetXTicks([], []);
            axes.SetYTicks([], []);
            string mark = predicted[k] == truth[k] ? "" : " ✗";
            axes.Title = $"{FashionMnist.ClassNames[predicted[k]]} / {FashionMnist.ClassNames[truth[k]]}{mark}";
        }
        return figure;
    }
}
