using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.NeuralNetworks;

/// <summary>
/// A fully connected network with every derivative written out by hand, as the lecture derives it, in its notation:
/// one column per example (A⁽⁰⁾ = Xᵀ, n₀ × m), W⁽ˡ⁾ of shape nₗ × nₗ₋₁ and b⁽ˡ⁾ of nₗ × 1.
/// <code>
///   forward:   Z⁽ˡ⁾ = W⁽ˡ⁾A⁽ˡ⁻¹⁾ + b⁽ˡ⁾,   A⁽ˡ⁾ = g⁽ˡ⁾(Z⁽ˡ⁾)                 for l = 1 … L
///   backward:  dZ⁽ᴸ⁾ = A⁽ᴸ⁾ − Y
///              dW⁽ˡ⁾ = dZ⁽ˡ⁾·A⁽ˡ⁻¹⁾ᵀ / m,   db⁽ˡ⁾ = Σ columns of dZ⁽ˡ⁾ / m
///              dA⁽ˡ⁻¹⁾ = W⁽ˡ⁾ᵀ·dZ⁽ˡ⁾,   dZ⁽ˡ⁻¹⁾ = dA⁽ˡ⁻¹⁾ ⊙ g⁽ˡ⁻¹⁾′(Z⁽ˡ⁻¹⁾)     for l = L … 1
/// </code>
/// One layer with <see cref="ExplicitActivation.Identity"/> is linear regression, with <see cref="ExplicitActivation.Sigmoid"/>
/// logistic regression; any number of hidden layers may follow, each with its own activation. The parameters live in
/// one vector (<see cref="Parameters"/>: W⁽¹⁾, b⁽¹⁾, W⁽²⁾, …, row-major), which <see cref="Fit"/> trains with the
/// training engine. The public methods take data as Descent does, one row per example, and transpose it (a view).
/// </summary>
/// <example><code>
/// var network = new ExplicitNetwork([2, 4, 1], [ExplicitActivation.Tanh, ExplicitActivation.Sigmoid], new Rng(1));
/// network.Forward(x);                                   // A⁽ᴸ⁾, one column per row of x
/// var (dW, db) = network.Backward(y);                  // the lecture's gradients, layer by layer
/// </code></example>
public sealed partial class ExplicitNetwork
{
    private readonly Matrix<double>[] _w, _b, _dw, _db;
    private readonly double[] _gradient;
    private Matrix<double>[]? _z, _a;

    /// <summary>
    /// A network with layer sizes n₀ (inputs), n₁, …, n_L and one activation per layer. Without <paramref name="rng"/>
    /// every parameter starts at 0 (as the linear models' gradient descent does); with it, W⁽ˡ⁾ is drawn from
    /// N(0, 1/nₗ₋₁) (Xavier), or N(0, 2/nₗ₋₁) (He) before ReLU layers, and b⁽ˡ⁾ = 0, as the lecture recommends.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than two sizes, a size below 1, activations that do not
    /// match the layers, or Softmax in a hidden layer or over a single output.</exception>
    public ExplicitNetwork(IReadOnlyList<int> sizes, IReadOnlyList<ExplicitActivation> activations, Rng? rng = null)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(activations);
        const string name = nameof(ExplicitNetwork);
        Check.Parameter(sizes.Count >= 2, name, "sizes", "at least two sizes (inputs and outputs)", sizes.Count);
        Check.Parameter(sizes.All(n => n >= 1), name, "sizes", "all >= 1", string.Join(", ", sizes));
        Check.Parameter(activations.Count == sizes.Count - 1, name, "activations", $"one per layer ({sizes.Count - 1})", activations.Count);
        for (int l = 0; l < activations.Count; l++)
        {
            Check.Parameter(Enum.IsDefined(activations[l]), name, $"activations[{l}]", "an ExplicitActivation value", activations[l]);
            Check.Parameter(activations[l] != ExplicitActivation.Softmax || (l == activations.Count - 1 && sizes[^1] >= 2), name,
                $"activations[{l}]", "Softmax only in the last layer, over at least two outputs", activations[l]);
        }
        Sizes = sizes.ToArray();
        Activations = activations.ToArray();
        int layers = Activations.Count, length = 0;
        for (int l = 1; l <= layers; l++)
            length += Sizes[l] * (Sizes[l - 1] + 1);
        Parameters = new double[length];
        _gradient = new double[length];
        (_w, _b, _dw, _db) = (new Matrix<double>[layers], new Matrix<double>[layers], new Matrix<double>[layers], new Matrix<double>[layers]);
        int offset = 0;
        for (int l = 0; l < layers; l++)
        {
            int rows = Sizes[l + 1], columns = Sizes[l];
            _w[l] = new Matrix<double>(Parameters, offset, rows, columns, columns, 1);
            _dw[l] = new Matrix<double>(_gradient, offset, rows, columns, columns, 1);
            offset += rows * columns;
            _b[l] = new Matrix<double>(Parameters, offset, rows, 1, 1, 1);
            _db[l] = new Matrix<double>(_gradient, offset, rows, 1, 1, 1);
            offset += rows;
            if (rng is not null)
            {
                double std = Math.Sqrt((Activations[l] is ExplicitActivation.Relu or ExplicitActivation.LeakyRelu ? 2.0 : 1.0) / columns);
                var w = _w[l].AsSpan();
                for (int i = 0; i < w.Length; i++)
                    w[i] = std * rng.NextNormal();
            }
        }
    }

    /// <summary>n₀, n₁, …, n_L.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>g⁽¹⁾, …, g⁽ᴸ⁾.</summary>
    public IReadOnlyList<ExplicitActivation> Activations { get; }

    /// <summary>Every parameter in one vector: W⁽¹⁾ (row-major), b⁽¹⁾, W⁽²⁾, b⁽²⁾, …; <see cref="W"/> and <see cref="B"/> are views of it.</summary>
    public double[] Parameters { get; }

    /// <summary>W⁽ˡ⁾ (index l − 1), nₗ × nₗ₋₁.</summary>
    public IReadOnlyList<Matrix<double>> W => _w;

    /// <summary>b⁽ˡ⁾ (index l − 1), nₗ × 1.</summary>
    public IReadOnlyList<Matrix<double>> B => _b;

    /// <summary>
    /// The forward pass on <paramref name="x"/> (m × n₀, one row per example): returns A⁽ᴸ⁾ (n_L × m, one column per
    /// example) and keeps every Z⁽ˡ⁾ and A⁽ˡ⁾ for <see cref="Backward"/>.
    /// </summary>
    /// <exception cref="ArgumentException">x does not have n₀ columns.</exception>
    public Matrix<double> Forward(Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != Sizes[0])
            throw new ArgumentException($"ExplicitNetwork.Forward: x has {x.Columns} columns but the network has {Sizes[0]} inputs.", nameof(x));
        int layers = _w.Length, m = x.Rows;
        _z = new Matrix<double>[layers];
        _a = new Matrix<double>[layers + 1];
        _a[0] = x.Transpose();                                          // A⁽⁰⁾ = Xᵀ, one column per example
        for (int l = 0; l < layers; l++)
        {
            var z = new Matrix<double>(Sizes[l + 1], m);
            Blas.Gemm(1.0, _w[l], _a[l], 0.0, z);                     // Z = W·A⁽ˡ⁻¹⁾
            Elementwise.Add(z, _b[l], z);                              //     + b (added to every column)
            _z[l] = z;
            _a[l + 1] = Activate(Activations[l], z);                   // A = g(Z)
        }
        return _a[layers];
    }

    /// <summary>
    /// The backward pass for the targets <paramref name="y"/> (m × n_L, one row per example; one-hot rows for Softmax)
    /// of the last <see cref="Forward"/>: dW⁽ˡ⁾ and db⁽ˡ⁾ for every layer (views of one gradient vector, laid out as
    /// <see cref="Parameters"/>, overwritten by the next call).
    /// </summary>
    /// <exception cref="InvalidOperationException">No Forward came before.</exception>
    /// <exception cref="ArgumentException">y does not have the output's shape.</exception>
    public (IReadOnlyList<Matrix<double>> DW, IReadOnlyList<Matrix<double>> DB) Backward(Matrix<double> y)
    {
        var (z, a) = (_z ?? throw new InvalidOperationException("ExplicitNetwork.Backward: call Forward first."), _a!);
        var yT = Targets(y, a[^1]);
        double m = yT.Columns;
        var dz = Elementwise.Subtract(a[^1], yT);                       // dZ⁽ᴸ⁾ = A⁽ᴸ⁾ − Y
        for (int l = _w.Length - 1; l >= 0; l--)
        {
            Blas.Gemm(1.0 / m, dz, a[l].Transpose(), 0.0, _dw[l]);      // dW = dZ·A⁽ˡ⁻¹⁾ᵀ / m
            dz.Sum(1, _db[l].Column(0));                               // db = Σ columns of dZ / m
            Elementwise.Divide(_db[l], m, _db[l]);
            if (l == 0)
                break;
            var da = new Matrix<double>(Sizes[l], dz.Columns);
            Blas.Gemm(1.0, _w[l].Transpose(), dz, 0.0, da);           // dA⁽ˡ⁻¹⁾ = Wᵀ·dZ
            dz = Derivative(Activations[l - 1], z[l - 1], a[l], da);    // dZ⁽ˡ⁻¹⁾ = dA ⊙ g′(Z⁽ˡ⁻¹⁾)
        }
        return (_dw, _db);
    }

    /// <summary>The cost J of the last <see cref="Forward"/> against <paramref name="y"/> (m × n_L): the squared error
    /// 1/(2m)·Σ(a − y)², the binary cross-entropy or the cross-entropy, as the last activation says.</summary>
    /// <exception cref="InvalidOperationException">No Forward came before.</exception>
    /// <exception cref="ArgumentException">y does not have the output's shape.</exception>
    public double Cost(Matrix<double> y)
    {
        var (z, a) = (_z ?? throw new InvalidOperationException("ExplicitNetwork.Cost: call Forward first."), _a!);
        var yT = Targets(y, a[^1]);
        double m = yT.Columns;
        switch (Activations[^1])
        {
            case ExplicitActivation.Sigmoid:
                // −[y ln σ(z) + (1 − y) ln(1 − σ(z))], computed from Z as max(z, 0) − z·y + ln(1 + e^(−|z|)) (no log of 0)
                return Elementwise.BinaryCrossEntropyWithLogits(z[^1], yT).Sum() / m;
            case ExplicitActivation.Softmax:
                // −Σₖ yₖ ln softmax(z)ₖ for each example (column), from a stable log-softmax
                var logSoftmax = z[^1].Transpose().LogSoftmax();
                return -Elementwise.Multiply(logSoftmax, yT.Transpose()).Sum() / m;
            default:
                var r = Elementwise.Subtract(a[^1], yT);
                return Elementwise.Multiply(r, r).Sum() / (2 * m);
        }
    }

    /// <summary>Yᵀ (n_L × m) after checking y's shape against the output's.</summary>
    private static Matrix<double> Targets(Matrix<double> y, Matrix<double> output)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (y.Rows != output.Columns || y.Columns != output.Rows)
            throw new ArgumentException(
                $"ExplicitNetwork: y has shape {y.Shape} but the last Forward gave {output.Columns} examples × {output.Rows} outputs.", nameof(y));
        return y.Transpose();
    }

    private static Matrix<double> Activate(ExplicitActivation g, Matrix<double> z) => g switch
    {
        ExplicitActivation.Identity => z,
        ExplicitActivation.Sigmoid => Elementwise.Sigmoid(z),
        ExplicitActivation.Tanh => Elementwise.Tanh(z),
        ExplicitActivation.Relu => Elementwise.Relu(z),
        ExplicitActivation.LeakyRelu => Elementwise.LeakyRelu(z, LeakySlope),
        _ => z.Transpose().Softmax().Transpose(),                      // each column (example) sums to 1
    };

    /// <summary>dA ⊙ g′(Z), from Z or from A = g(Z) as each rule needs.</summary>
    private static Matrix<double> Derivative(ExplicitActivation g, Matrix<double> z, Matrix<double> a, Matrix<double> da) => g switch
    {
        ExplicitActivation.Identity => da,
        ExplicitActivation.Sigmoid => Elementwise.SigmoidBackward(a, da, da),
        ExplicitActivation.Tanh => Elementwise.TanhBackward(a, da, da),
        ExplicitActivation.Relu => Elementwise.ReluBackward(a, da, da),
        _ => Elementwise.LeakyReluBackward(z, LeakySlope, da, da),
    };

    private const double LeakySlope = 0.01;
}
