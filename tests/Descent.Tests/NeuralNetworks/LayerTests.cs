using Descent.Autograd;
using Descent.NeuralNetworks;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Tests.NeuralNetworks;

public class LayerTests
{
    [Fact]
    public void Linear_PyTorchDefault_DrawsWeightsAndBiasesUniformOnPlusMinusOneOverSqrtFanIn()
    {
        var layer = new Linear<double>(400, 300, new Rng(1));
        double bound = 1 / Math.Sqrt(400);
        var w = layer.Weight.ToArray();
        Assert.All(w, v => Assert.InRange(v, -bound, bound));
        Assert.All(layer.Bias!.ToArray(), v => Assert.InRange(v, -bound, bound));
        // Uniform on ±a has variance a²/3; with 120 000 draws the sample variance is within 2 %.
        Assert.InRange(Variance(w) / (bound * bound / 3), 0.98, 1.02);
        Assert.True(layer.Weight.RequiresGrad && layer.Bias.RequiresGrad);
        Assert.Equal("[300, 400]", layer.Weight.Shape.ToString());
        Assert.Equal("[300]", layer.Bias.Shape.ToString());
    }

    [Theory]
    [InlineData(Initialization.XavierUniform, 2.0 / (400 + 300))]
    [InlineData(Initialization.XavierNormal, 2.0 / (400 + 300))]
    [InlineData(Initialization.HeUniform, 2.0 / 400)]
    [InlineData(Initialization.HeNormal, 2.0 / 400)]
    public void Linear_XavierAndHe_HaveTheirVariance_AndZeroBiases(Initialization scheme, double variance)
    {
        var layer = new Linear<float>(400, 300, new Rng(2), scheme);
        var w = layer.Weight.ToArray().Select(v => (double)v).ToArray();
        Assert.InRange(Variance(w) / variance, 0.98, 1.02);
        Assert.InRange(w.Average(), -0.002, 0.002);
        Assert.All(layer.Bias!.ToArray(), v => Assert.Equal(0f, v));
        if (scheme is Initialization.XavierUniform or Initialization.HeUniform)
            Assert.All(w, v => Assert.InRange(v, -Math.Sqrt(3 * variance), Math.Sqrt(3 * variance)));
    }

    private static double Variance(double[] v)
    {
        double mean = v.Average();
        return v.Sum(x => (x - mean) * (x - mean)) / v.Length;
    }

    [Fact]
    public void Linear_SameSeed_SameWeights_AndBiasCanBeLeftOut()
    {
        Assert.Equal(new Linear<double>(5, 3, new Rng(9)).Weight.ToArray(), new Linear<double>(5, 3, new Rng(9)).Weight.ToArray());
        Assert.NotEqual(new Linear<double>(5, 3, new Rng(9)).Weight.ToArray(), new Linear<double>(5, 3, new Rng(10)).Weight.ToArray());
        var noBias = new Linear<double>(5, 3, new Rng(9), bias: false);
        Assert.Null(noBias.Bias);
        Assert.Equal(["weight"], noBias.NamedParameters().Select(p => p.Name));
        Assert.Equal("Linear(5 → 3, no bias)", noBias.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Linear<double>(0, 3, new Rng(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Linear<double>(2, 3, new Rng(1), (Initialization)17));
    }

    [Fact]
    public void Linear_FromTensors_UsesThemWithoutCopying()
    {
        var weight = Tensor.Zeros<double>(2, 3);
        var bias = Tensor.From(new[] { 1.0, -1.0 });
        var layer = new Linear<double>(weight, bias);
        Assert.Same(weight, layer.Weight);
        Assert.True(weight.RequiresGrad && bias.RequiresGrad);
        Assert.Equal("weight", weight.Name);
        Assert.Equal(new[] { 1.0, -1.0 }, layer.Forward(new Matrix<double>(1, 3)).ToArray());
        Assert.Throws<ArgumentException>(() => new Linear<double>(Tensor.Zeros<double>(3), null));
        Assert.Throws<ArgumentException>(() => new Linear<double>(Tensor.Zeros<double>(2, 3), Tensor.Zeros<double>(3)));
        Assert.Throws<ArgumentException>(() => new Linear<double>(Tensor.Zeros<double>(3, 2).Transpose().Detach(), null));
        var wrongGrad = Assert.Throws<ArgumentException>(() => weight.Grad = Tensor.Zeros<double>(3, 2));
        Assert.Contains("[2, 3]", wrongGrad.Message);
    }

    [Fact]
    public void Linear_OverwritingGradients_GivesTheBitsOfAddingOntoZeros_WhateverTheGradientsHeld()
    {
        var rng = new Rng(11);
        var x = Matrix.RandomUniform<float>(33, 70, rng, -1, 1);
        var g = Matrix.RandomUniform<float>(33, 20, rng, -1, 1);
        var adding = new Linear<float>(70, 20, new Rng(3));
        var overwriting = new Linear<float>(Tensor.Wrap(adding.Weight.Data.Copy()), Tensor.From(adding.Bias!.ToArray()))
        {
            OverwritesGradients = true,
        };
        overwriting.Weight.Grad = Tensor.Wrap(Matrix.Filled(20, 70, 7f));
        overwriting.Bias!.Grad = Tensor.From(Enumerable.Repeat(-3f, 20).ToArray());
        foreach (var layer in new[] { adding, overwriting })
        {
            layer.Forward(x);
            layer.Backward(g, inputGradient: false);
        }
        Assert.Equal(adding.Weight.Grad!.ToArray(), overwriting.Weight.Grad.ToArray());
        Assert.Equal(adding.Bias.Grad!.ToArray(), overwriting.Bias.Grad.ToArray());

        // A second backward pass adds onto the first, or replaces it.
        var once = adding.Weight.Grad.ToArray();
        foreach (var layer in new[] { adding, overwriting })
            layer.Backward(g, inputGradient: false);
        Assert.Equal(once.Select(v => v + v), adding.Weight.Grad.ToArray());
        Assert.Equal(once, overwriting.Weight.Grad.ToArray());
    }

    [Fact]
    public void ShapeMismatch_NamesTheLayerAndBothShapes()
    {
        var network = new Sequential<double>(new Linear<double>(4, 3, new Rng(1)), new Relu<double>(), new Linear<double>(3, 2, new Rng(2)));
        var e = Assert.Throws<ArgumentException>(() => network.Forward(Tensor.Zeros<double>(5, 6)));
        Assert.Equal("layer '0' (Linear(4 → 3)): the input has shape [5, 6] but this layer takes 4 features per row (its weight is [3, 4]).", e.Message);
        var m = Assert.Throws<ArgumentException>(() => network.Forward(new Matrix<double>(5, 6)));
        Assert.Contains("layer '0' (Linear(4 → 3)): the input has shape [5, 6]", m.Message);
        network.Forward(new Matrix<double>(5, 4));
        var g = Assert.Throws<ArgumentException>(() => network.Backward(new Matrix<double>(5, 3)));
        Assert.Contains("layer '2' (Linear(3 → 2)): Backward got a gradient of shape 5×3", g.Message);
        Assert.Throws<InvalidOperationException>(() => new Relu<double>().Backward(new Matrix<double>(1, 1)));
    }

    [Fact]
    public void Sequential_NamesParametersAsPyTorch_AndSetsModesEverywhere()
    {
        var rng = new Rng(3);
        var inner = new Sequential<float>(new Linear<float>(3, 3, rng), new Dropout<float>(rng));
        var network = new Sequential<float>(new Linear<float>(2, 3, rng), new Tanh<float>(), inner, new Linear<float>(3, 1, rng, bias: false));
        Assert.Equal(["0.weight", "0.bias", "2.0.weight", "2.0.bias", "3.weight"], network.NamedParameters().Select(p => p.Name));
        Assert.Equal(5, network.Parameters().Count);
        network.Eval();
        Assert.False(inner.Layers[1].IsTraining);
        network.Train();
        Assert.True(inner.Layers[1].IsTraining);
        Assert.Equal("Sequential(Linear(2 → 3), Tanh, Sequential(Linear(3 → 3), Dropout(p=0.5)), Linear(3 → 1, no bias))", network.ToString());
        var reused = new Relu<float>();
        Assert.Throws<ArgumentException>(() => new Sequential<float>(reused, reused));
        Assert.Throws<ArgumentException>(() => new Sequential<float>(network.Layers[1]));
        Assert.Throws<ArgumentException>(() => new Sequential<float>());
    }

    [Fact]
    public void Dropout_ZeroesAboutPAndKeepsTheMean_InTraining_AndPassesThrough_InEvaluation()
    {
        var dropout = new Dropout<double>(new Rng(4), 0.3);
        var x = Matrix.Ones<double>(200, 100);
        var y = dropout.Forward(x).ToArray();
        double zeros = y.Count(v => v == 0) / (double)y.Length;
        Assert.InRange(zeros, 0.28, 0.32);
        Assert.All(y, v => Assert.True(v == 0 || Math.Abs(v - 1 / 0.7) < 1e-15));
        var g = dropout.Backward(Matrix.Ones<double>(200, 100))!.ToArray();
        Assert.Equal(y, g);                                   // the same mask scales the gradient
        dropout.Eval();
        Assert.Same(x, dropout.Forward(x));
        var t = Tensor.Wrap(x);
        Assert.Same(t, dropout.Forward(t));
        var all = new Dropout<double>(new Rng(5), 1.0);
        Assert.All(all.Forward(x).ToArray(), v => Assert.Equal(0.0, v));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout<double>(new Rng(1), 1.5));
    }

    [Fact]
    public void Activations_ComputeTheirFunctions()
    {
        var x = Matrix.FromArray(new[,] { { -2.0, 0.0, 3.0 } });
        Assert.Equal(new[] { 0.0, 0, 3 }, new Relu<double>().Forward(x).ToArray());
        Assert.Equal(new[] { -0.2, 0, 3 }, new LeakyRelu<double>(0.1).Forward(x).ToArray());
        Assert.Equal(Math.Tanh(-2), new Tanh<double>().Forward(x)[0, 0], 15);
        Assert.Equal(0.5, new Sigmoid<double>().Forward(x)[0, 1]);
        Assert.Equal("LeakyReLU(0.1)", new LeakyRelu<double>(0.1).ToString());
    }
}
