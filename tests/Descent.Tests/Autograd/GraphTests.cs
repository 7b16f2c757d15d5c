using Descent.Autograd;
using Descent.Numerics;

namespace Descent.Tests.Autograd;

public class GraphTests
{
    [Fact]
    public void Backward_AccumulatesAcrossUsesAndCalls()
    {
        var x = Tensor.From(new[] { 2.0, -3.0 }, requiresGrad: true);
        var y = (x * x + x).Sum();                       // dy/dx = 2x + 1: x is used three times
        y.Backward();
        Assert.Equal(new[] { 5.0, -5.0 }, x.Grad!.ToArray());
        (x * 3.0).Sum().Backward();                      // a second backward adds 3
        Assert.Equal(new[] { 8.0, -2.0 }, x.Grad!.ToArray());
        x.ZeroGrad();
        Assert.Equal(new[] { 0.0, 0.0 }, x.Grad!.ToArray());
    }

    [Fact]
    public void Backward_RunsEachNodeOnceOnADiamond()
    {
        // y = a·b where a = x + 1 and b = x·2 share x: dy/dx = b + 2a.
        var x = Tensor.Scalar(3.0, requiresGrad: true);
        var a = x + 1.0;
        var b = x * 2.0;
        (a * b).Backward();
        Assert.Equal(6.0 + 2 * 4.0, x.Grad!.Item());
    }

    [Fact]
    public void Backward_HandlesAGraphDeeperThanAnyStack()
    {
        var x = Tensor.Scalar(1.0, requiresGrad: true);
        var y = x;
        for (int i = 0; i < 100_000; i++)
            y = y * 1.0;
        y.Backward();
        Assert.Equal(1.0, x.Grad!.Item());
    }

    [Fact]
    public void GradientsHandedOnWithoutCopies_StayApart_AcrossRetainedPasses()
    {
        // Rules hand fresh gradients (and a transpose its own) to their input instead of copying them; a second pass
        // through the retained graph and a retained intermediate gradient must still see separate storage.
        var w = Tensor.From(new[,] { { 1.0, 2.0 }, { 3.0, 4.0 } }, requiresGrad: true);
        var x = Tensor.From(new[,] { { 1.0, -1.0 }, { 2.0, 0.5 } });
        var t = w.Transpose();
        t.RetainGrad();
        var loss = (x.MatMul(t).Tanh() * 3.0).Sum();
        loss.Backward(retainGraph: true);
        var first = w.Grad!.ToArray();
        var firstT = t.Grad!.ToArray();
        loss.Backward(retainGraph: true);
        Assert.Equal(first.Select(v => 2 * v), w.Grad!.ToArray());
        Assert.Equal(firstT.Select(v => 2 * v), t.Grad!.ToArray());
        var u = Tensor.From(new[,] { { 1.0, 2.0 }, { 3.0, 4.0 } }, requiresGrad: true);
        var plain = (x.MatMul(u.Transpose()).Tanh() * 3.0).Sum();
        plain.Backward(retainGraph: true);
        plain.Backward();
        Assert.Equal(w.Grad!.ToArray(), u.Grad!.ToArray());
    }

    [Fact]
    public void Linear_MatchesMatMulPlusBias_AndAddsIntoTheWeightsGradientStorage()
    {
        // One node for x·Wᵀ + b gives the values and gradients of the three-node composition; ∂L/∂W is added into
        // W's own gradient storage, so a second pass doubles it and ZeroGrad keeps the storage.
        var (x, w, b) = (TestTensors.Random("[6, 4]", seed: 1), TestTensors.Random("[3, 4]", seed: 2), TestTensors.Random("[3]", seed: 3));
        var (x2, w2, b2) = (x.Detach(), w.Detach(), b.Detach());
        foreach (var t in new[] { x2, w2, b2 })
            t.RequiresGrad = true;
        var fused = x.Linear(w, b);
        var composed = x2.MatMul(w2.Transpose()) + b2;
        Assert.Equal("linear", fused.Operation);
        Assert.Equal(composed.ToArray(), fused.ToArray());
        var loss = (fused.Tanh() * 2.0).Sum();
        loss.Backward(retainGraph: true);
        (composed.Tanh() * 2.0).Sum().Backward();
        Assert.Equal(x2.Grad!.ToArray(), x.Grad!.ToArray());
        Assert.Equal(w2.Grad!.ToArray(), w.Grad!.ToArray());
        Assert.Equal(b2.Grad!.ToArray(), b.Grad!.ToArray());

        var storage = w.Grad!.Data;
        var once = w.Grad.ToArray();
        loss.Backward();
        Assert.Same(storage, w.Grad!.Data);
        Assert.Equal(once.Select(v => 2 * v), w.Grad.ToArray());
        w.ZeroGrad();
        x.Linear(w, b).Sum().Backward();
        Assert.Same(storage, w.Grad!.Data);
        Assert.Equal(x.Data.Sum(0).ToArray(), w.Grad.ToArray().Take(4)); // ∂Σ/∂W[0, :] = Σᵢ x[i, :]
    }

    [Fact]
    public void Linear_RefusesMismatchedShapes_AndInPlaceChangesBeforeBackward()
    {
        var x = TestTensors.Random("[2, 3]", seed: 4);
        Assert.Contains("the weight must be [outputs, 3]", Assert.Throws<ArgumentException>(() => x.Linear(TestTensors.Random("[2, 4]", seed: 5))).Message);
        Assert.Contains("the bias must be [2]", Assert.Throws<ArgumentException>(() =>
            x.Linear(TestTensors.Random("[2, 3]", seed: 5), TestTensors.Random("[3]", seed: 6))).Message);
        var w = TestTensors.Random("[2, 3]", seed: 7);
        w.Name = "w";
        var y = x.Linear(w).Sum();
        using (Tensor.NoGrad())
            w.Fill(0);
        var e = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("tensor 'w' [2, 3]", e.Message);
        Assert.Contains("'linear'", e.Message);
    }

    [Fact]
    public void Backward_SecondTimeThroughFreedGraph_Throws_UnlessRetained()
    {
        var x = Tensor.From(new[] { 1.0, 2.0 }, requiresGrad: true);
        var y = x.Exp().Sum();
        y.Backward(retainGraph: true);
        y.Backward();
        Assert.Equal(2 * Math.E, x.Grad![0].Item(), 12);
        var e = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("freed by an earlier Backward()", e.Message);
        Assert.Contains("retainGraph: true", e.Message);
    }

    [Fact]
    public void Backward_FromNonScalarWithoutGradient_Throws_AndWithGradientWorks()
    {
        var x = Tensor.From(new[,] { { 1.0, 2.0 }, { 3.0, 4.0 } }, requiresGrad: true);
        var y = x * 2.0;
        var e = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("has 4 elements", e.Message);
        Assert.Contains("[2, 2]", e.Message);
        var wrong = Assert.Throws<ArgumentException>(() => y.Backward(Tensor.Zeros<double>(3)));
        Assert.Contains("[3]", wrong.Message);
        y.Backward(Tensor.From(new[,] { { 1.0, 0.0 }, { 0.5, 2.0 } }));
        Assert.Equal(new[] { 2.0, 0.0, 1.0, 4.0 }, x.Grad!.ToArray());
    }

    [Fact]
    public void Backward_WithoutRequiresGrad_Throws()
    {
        var x = Tensor.From(new[] { 1.0, 2.0 });
        var e = Assert.Throws<InvalidOperationException>(() => x.Sum().Backward());
        Assert.Contains("does not require grad", e.Message);
    }

    [Fact]
    public void InPlaceChange_OfASavedTensor_IsAnError_NotAWrongGradient()
    {
        var w = Tensor.From(new[] { 1.0, 2.0 }, requiresGrad: true);
        w.Name = "w";
        var x = Tensor.From(new[] { 3.0, 4.0 }, requiresGrad: true);
        var y = (w * x).Sum();                           // mul saves w and x
        using (Tensor.NoGrad())
            w.AddInPlace(Tensor.From(new[] { 1.0, 1.0 }), -0.5);
        var e = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.Contains("tensor 'w' [2]", e.Message);
        Assert.Contains("'mul'", e.Message);
        Assert.Contains("changed in place", e.Message);
        Assert.Null(x.Grad);                             // nothing was written

        // add does not read its inputs, so changing them is fine; a change through a view is seen by the base.
        var z = (w + x).Sum();
        using (Tensor.NoGrad())
            w.Fill(0);
        z.Backward();
        Assert.Equal(new[] { 1.0, 1.0 }, w.Grad!.ToArray());
        var m = Tensor.From(new[,] { { 1.0, 2.0 } }, requiresGrad: true);
        var viewUser = (m.Transpose() * m.Transpose()).Sum();     // mul saves the two views
        using (Tensor.NoGrad())
            m.Transpose().Detach().Fill(5);              // same storage, same version counter
        Assert.Throws<InvalidOperationException>(() => viewUser.Backward());
    }

    [Fact]
    public void InPlaceChange_OfALeafThatRequiresGrad_NeedsNoGrad()
    {
        var w = Tensor.From(new[] { 1.0 }, requiresGrad: true);
        var e = Assert.Throws<InvalidOperationException>(() => w.Fill(0));
        Assert.Contains("Tensor.NoGrad()", e.Message);
        var y = w * 2.0;
        Assert.Throws<InvalidOperationException>(() => y.Fill(0));
        using (Tensor.NoGrad())
            w.Fill(0);
        Assert.Equal(1, w.Version);
    }

    [Fact]
    public void NoGrad_RecordsNothing_AndNests()
    {
        var x = Tensor.From(new[] { 1.0 }, requiresGrad: true);
        Assert.True(Tensor.IsGradEnabled);
        Tensor<double> y;
        using (Tensor.NoGrad())
        {
            using (Tensor.NoGrad())
                Assert.False(Tensor.IsGradEnabled);
            Assert.False(Tensor.IsGradEnabled);
            y = x * 2.0;
        }
        Assert.True(Tensor.IsGradEnabled);
        Assert.False(y.RequiresGrad);
        Assert.True(y.IsLeaf);
        Assert.True((x * 2.0).RequiresGrad);
    }

    [Fact]
    public void Detach_SharesValues_AndStopsTheGraph()
    {
        var x = Tensor.From(new[] { 2.0, 3.0 }, requiresGrad: true);
        var constant = (x * 1.0).Detach();
        Assert.False(constant.RequiresGrad);
        (x * constant).Sum().Backward();                 // d/dx (x·c) = c, not 2x
        Assert.Equal(new[] { 2.0, 3.0 }, x.Grad!.ToArray());
        var view = x.Detach();
        Assert.Same(x.Data, view.Data);
    }

    [Fact]
    public void NonLeafGradients_AreFreed_UnlessRetained()
    {
        var x = Tensor.From(new[] { 1.0, 2.0 }, requiresGrad: true);
        var hidden = x * 3.0;
        var kept = hidden.Exp();
        kept.RetainGrad();
        kept.Sum().Backward();
        Assert.Null(hidden.Grad);
        Assert.Equal(new[] { 1.0, 1.0 }, kept.Grad!.ToArray());
        Assert.False(hidden.IsLeaf);
        Assert.Equal("mul", hidden.Operation);
        Assert.Empty(hidden.Inputs);                     // the graph was freed
    }

    [Fact]
    public void RequiresGrad_CannotBeSetOnComputedTensors()
    {
        var y = Tensor.From(new[] { 1.0 }, requiresGrad: true) * 2.0;
        var e = Assert.Throws<InvalidOperationException>(() => y.RequiresGrad = false);
        Assert.Contains("'mul'", e.Message);
    }

    [Fact]
    public void Wrap_SharesStorage_AndShapesFollowRanks()
    {
        var m = Matrix.FromArray(new[,] { { 1.0, 2.0, 3.0 }, { 4.0, 5.0, 6.0 } });
        var t = Tensor.Wrap(m);
        m[0, 0] = 10;
        Assert.Equal(10.0, t[0, 0].Item());
        Assert.Equal("[2, 3]", t.Shape.ToString());
        var column = Tensor.Wrap(m.Column(1));           // a strided vector stays a view
        Assert.Equal("[2]", column.Shape.ToString());
        Assert.Equal(new[] { 2.0, 5.0 }, column.ToArray());
        Assert.Equal("[]", Tensor.Scalar(1.0f).Shape.ToString());
        Assert.Equal(3, t.Shape[-1]);
        Assert.Throws<InvalidOperationException>(() => t.Item());
        Assert.Throws<ArgumentOutOfRangeException>(() => t.Shape[2]);
    }

    [Fact]
    public void Float_Works_Like_Double()
    {
        var x = Tensor.From(new[] { 1f, -2f, 3f }, requiresGrad: true);
        var loss = (x.Relu() * x).Sum();                 // Σ relu(x)·x, gradient 2x where x > 0
        loss.Backward();
        Assert.Equal(10f, loss.Item());
        Assert.Equal(new[] { 2f, 0f, 6f }, x.Grad!.ToArray());
    }
}
