using Descent.Autograd;
using Descent.Plotting.Models;
using static Descent.Cli.Tour.TourFormat;

namespace Descent.Cli.Tour;

/// <summary>
/// Forward and backward propagation on one small network computed with <see cref="Value"/>, every intermediate value
/// and its gradient drawn on the computation diagram, and the same gradients from the Tensor autograd.
/// </summary>
internal sealed class BackpropagationChapter : TourChapter
{
    public override string Key => "backpropagation";

    public override string Title => "Forward and backward propagation, step by step";

    public override void Run(ChapterWriter chapter)
    {
        chapter.Paragraph(
            "Training a network needs the gradient of the loss with respect to every weight. Backpropagation gets all of them in " +
            "one backward pass: the forward pass computes and keeps every intermediate value, then the chain rule is applied from " +
            "the loss back to the inputs, each operation multiplying the gradient that arrives by its own local derivative.");
        chapter.Formula("∂L/∂x = Σ over the operations y that use x of ∂L/∂y · ∂y/∂x");

        // One hidden tanh unit feeding a sigmoid output, and the cross-entropy for the target y = 1.
        var x1 = new Value(2.0, "x₁");
        var x2 = new Value(-1.0, "x₂");
        var w1 = new Value(-0.5, "w₁");
        var w2 = new Value(0.8, "w₂");
        var b = new Value(0.3, "b");
        var v = new Value(1.5, "v");
        var c = new Value(-0.2, "c");
        var h = (x1 * w1 + x2 * w2 + b).Tanh();
        h.Label = "h";
        var p = (h * v + c).Sigmoid();
        p.Label = "p";
        var loss = -p.Log();
        loss.Label = "L";
        loss.Backward();

        // The same computation as tensors: autograd's gradients must be the same numbers.
        var tw = Tensor.From([w1.Data, w2.Data], requiresGrad: true);
        var tb = Tensor.Scalar(b.Data, requiresGrad: true);
        var tv = Tensor.Scalar(v.Data, requiresGrad: true);
        var tx = Tensor.From([x1.Data, x2.Data]);
        var th = ((tx * tw).Sum() + tb).Tanh();
        var tloss = -((th * tv + c.Data).Sigmoid().Log());
        tloss.Backward();
        double gap = new[]
        {
            Math.Abs(tw.Grad!.ToArray()[0] - w1.Grad), Math.Abs(tw.Grad.ToArray()[1] - w2.Grad), Math.Abs(tb.Grad!.Item() - b.Grad),
            Math.Abs(tv.Grad!.Item() - v.Grad),
        }.Max();

        chapter.Paragraph(
            $"A network with one hidden tanh unit h and a sigmoid output p, on the input x = (2, −1) with target 1: the forward " +
            $"pass gives h = {Fixed(h.Data, 4)}, p = {Fixed(p.Data, 4)} and the loss L = −ln p = {Fixed(loss.Data, 4)}. The backward " +
            $"pass gives ∂L/∂w₁ = {Fixed(w1.Grad, 4)}, ∂L/∂w₂ = {Fixed(w2.Grad, 4)}, ∂L/∂b = {Fixed(b.Grad, 4)} and ∂L/∂v = {Fixed(v.Grad, 4)}.");
        chapter.Figure("computation-graph", ValueGraphFigure.Draw(loss, "The computation graph of L, with each value and its gradient"),
            "Every node is a value of the forward pass (its data) with ∂L/∂(node) from the backward pass (its grad); the inputs " +
            "x₁, x₂ get gradients too, which a deeper network would pass on to the layer before.");
        chapter.Notice($"the Tensor autograd, which trains the networks of the next chapters, computes the same " +
            $"gradients from matrices: the largest difference here is {gap:G2}.");

        chapter.Metric("loss", loss.Data).Metric("gradients", [w1.Grad, w2.Grad, b.Grad, v.Grad, c.Grad]).Metric("autograd_gap", gap);
        chapter.SetSummary("one hidden unit, by hand", "x = (2, −1), y = 1", "loss; largest autograd gap", $"{Fixed(loss.Data, 4)}; {gap:G2}");
    }
}
