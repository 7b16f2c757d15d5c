using Descent.Data;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Numerics.Random;
using Descent.Plotting;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// The four activations and their derivatives, and why the choice matters: in a deep network of sigmoids the gradient
/// that reaches the first layers is smaller by orders of magnitude than with ReLU (each sigmoid multiplies it by at
/// most 1/4), measured on one batch of digits through ten layers.
/// </summary>
internal sealed class ActivationsChapter : TourChapter
{
    private const int Depth = 10, Width = 32;

    public override string Key => "activations";

    public override string Title => "Activations, saturation and vanishing gradients";

    public override void Run(ChapterWriter chapter)
    {
        chapter.Paragraph(
            "Between the layers of a network sits a non-linear activation; without one, any number of layers is one linear map. " +
            "The sigmoid σ(z) = 1/(1 + e⁻ᶻ) and tanh squash their input, and saturate: for large |z| their slope is almost 0. " +
            "ReLU max(0, z) has slope 1 for every positive input and 0 for negative ones (a unit that stays negative stops " +
            "learning: it 'dies'); the leaky ReLU keeps a small slope α there.");
        chapter.Figure("activations", Figures.Activations(),
            "The four activations (left) and their derivatives (right). The sigmoid's slope is at most 1/4, at z = 0; tanh's at most 1.");

        var digits = Datasets.Load("digits");
        var x = digits.Features.RowRange(0, 256) * (1.0 / 16);
        int[] classes = digits.RequireClassLabels().Indices.Take(256).ToArray();
        var norms = new List<(string Name, double[] Norms)>
        {
            ("sigmoid", GradientNorms(x, classes, () => new Sigmoid<double>())),
            ("tanh", GradientNorms(x, classes, () => new Tanh<double>())),
            ("ReLU", GradientNorms(x, classes, () => new Relu<double>())),
        };
        var figure = new Figure(width: 760, height: 440) { Title = "Gradient reaching each layer of a ten-layer network, at its start" };
        var axes = figure.Axes;
        axes.XLabel = "Layer (1 = next to the input)";
        axes.YLabel = "‖∂L/∂W‖";
        axes.YScale = AxisScale.Log;
        axes.Legend = LegendPosition.LowerRight;
        double[] layers = Enumerable.Range(1, Depth + 1).Select(l => (double)l).ToArray();
        foreach (var (name, values) in norms)
            axes.Line(layers, values, name);
        double sigmoidRatio = norms[0].Norms[^1] / norms[0].Norms[0], reluRatio = norms[2].Norms[^1] / norms[2].Norms[0];
        chapter.Paragraph(
            $"A network of {Depth} hidden layers of {Width} units, Xavier-initialised, on a batch of 256 digits: the gradient of " +
            $"the cross-entropy with respect to each layer's weights, at the start of training. With sigmoids the last layer's " +
            $"gradient is {sigmoidRatio:G2} times the first layer's; with ReLU the ratio is {reluRatio:G2}.");
        chapter.Figure("vanishing-gradients", figure,
            "Each backward step through a sigmoid multiplies the gradient by σ′ ≤ 1/4, so the first layers of a deep sigmoid " +
            "network barely learn: the gradient vanishes. ReLU passes it on unchanged where units are active.");
        chapter.Notice("use ReLU (or leaky ReLU) in hidden layers, as scikit-learn's MLP does by default; keep the sigmoid " +
            "for an output that is a probability, and tanh where outputs must be centred and bounded.");

        chapter.Metric("layers", Depth).Metric("sigmoid_norms", norms[0].Norms).Metric("tanh_norms", norms[1].Norms)
            .Metric("relu_norms", norms[2].Norms);
        chapter.SetSummary("10-layer network at its start", "digits (256)", "last/first layer gradient, sigmoid vs ReLU",
            $"{sigmoidRatio:G2} vs {reluRatio:G2}");
    }

    /// <summary>‖∂L/∂W_l‖ of each Linear layer, first to last, for one forward and backward pass of the cross-entropy.</summary>
    private static double[] GradientNorms(Matrix<double> x, int[] classes, Func<Module<double>> activation)
    {
        var rng = new Rng(3);
        var modules = new List<Module<double>>();
        var linears = new List<Linear<double>>();
        int inputs = x.Columns;
        for (int l = 0; l <= Depth; l++)
        {
            int outputs = l == Depth ? 10 : Width;
            var linear = new Linear<double>(inputs, outputs, rng, Initialization.XavierUniform);
            linears.Add(linear);
            modules.Add(linear);
            if (l < Depth)
                modules.Add(activation());
            inputs = outputs;
        }
        var network = new Sequential<double>([.. modules]);
        var loss = new CrossEntropyLoss<double>();
        loss.Forward(network.Forward(x), classes);
        network.Backward(loss.Backward(), inputGradient: false);
        return linears.Select(l => Math.Sqrt(l.Weight.Grad!.ToArray().Sum(g => g * g))).ToArray();
    }
}
