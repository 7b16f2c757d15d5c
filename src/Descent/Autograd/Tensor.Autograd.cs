using Descent.Numerics;

namespace Descent.Autograd;

// The autograd side of a tensor: whether it requires grad, its gradient, the node of the graph that computed it
// (operation, inputs, backward rule, saved tensors), and Backward.
public sealed partial class Tensor<T>
{
    private bool _requiresGrad;
    private Matrix<T>? _grad;      // a leaf's gradient; for a computed tensor, the share gathered during the current Backward
    private Matrix<T>? _retained;  // a computed tensor's gradient kept across passes after RetainGrad
    private Tensor<T>? _gradTensor;
    private bool _retainsGrad;

    // The node that computed this tensor; all empty for a leaf (a tensor the user created).
    private string? _operation;
    private Tensor<T>[] _inputs = [];
    private Action<Matrix<T>>? _backward;
    private SavedTensor[] _saved = [];
    private bool _freed;

    /// <summary>A tensor that an operation's backward rule reads, with its version when the operation ran.</summary>
    private readonly record struct SavedTensor(Tensor<T> Tensor, int Version, string Role);

    /// <summary>
    /// True when gradients flow to this tensor: set it on the leaves you want gradients for (parameters); a computed
    /// tensor requires grad when one of its inputs does (and grad mode is on).
    /// </summary>
    /// <exception cref="InvalidOperationException">Set on a computed (non-leaf) tensor.</exception>
    public bool RequiresGrad
    {
        get => _requiresGrad;
        set
        {
            if (!IsLeaf)
                throw new InvalidOperationException(
                    $"Tensor.RequiresGrad: {Describe()} was computed by '{_operation}'; only a leaf (a tensor you created) can be " +
                    "told to require grad. Use Detach() for a leaf copy of its values.");
            _requiresGrad = value;
        }
    }

    /// <summary>True for a tensor the user created (or <see cref="Detach"/>ed), false for the result of an operation that recorded its graph.</summary>
    public bool IsLeaf => _operation is null;

    /// <summary>The operation that computed this tensor ("matmul", "add", ...), or null for a leaf.</summary>
    public string? Operation => _operation;

    /// <summary>The tensors this one was computed from (empty for a leaf, and once the graph is freed).</summary>
    public IReadOnlyList<Tensor<T>> Inputs => _inputs;

    /// <summary>
    /// ∂(output)/∂(this tensor), accumulated (+=) by every <see cref="Backward"/> since the last <see cref="ZeroGrad"/>;
    /// null until a gradient arrives. Kept for leaves, and for computed tensors after <see cref="RetainGrad"/>.
    /// Setting it (as PyTorch's <c>p.grad = g</c>) makes <c>g</c>'s values the storage that later gradients are added
    /// to, without copying: parameters can keep their gradients in one flat vector that an optimizer reads at once.
    /// </summary>
    /// <exception cref="ArgumentException">The new gradient does not have this tensor's shape.</exception>
    public Tensor<T>? Grad
    {
        get
        {
            var storage = IsLeaf ? _grad : _retained;
            if (storage is null)
                return null;
            if (_gradTensor is null || !ReferenceEquals(_gradTensor.Data, storage))
                _gradTensor = new Tensor<T>(storage, Rank) { Name = Name is null ? null : Name + ".grad" };
            return _gradTensor;
        }
        set
        {
            if (value is not null && value.Shape != Shape)
                throw new ArgumentException(
                    $"Tensor.Grad: the gradient of {Describe()} must have its shape {Shape}, got {value.Shape}.", nameof(value));
            if (IsLeaf)
                _grad = value?.Data;
            else
                _retained = value?.Data;
            _gradTensor = value;
        }
    }

    /// <summary>Sets the gradient to zero, keeping its storage for the next <see cref="Backward"/> (PyTorch 1.13's zero_grad).</summary>
    public void ZeroGrad()
    {
        (IsLeaf ? _grad : _retained)?.AsSpan().Clear();
    }

    /// <summary>Replaces the gradient (a copy of <paramref name="gradient"/>, or none); for tools that must leave gradients as they found them.</summary>
    internal void SetGrad(Matrix<T>? gradient)
    {
        if (IsLeaf)
            _grad = gradient?.Copy();
        else
            _retained = gradient?.Copy();
        _gradTensor = null;
    }

    /// <summary>The gradient storage, created as zeros when missing, for code that adds into it directly (a layer's
    /// own backward pass).</summary>
    internal Matrix<T> GradientForUpdate() => _grad ??= new Matrix<T>(Data.Rows, Data.Columns);

    /// <summary>Keeps the gradient of this computed tensor after <see cref="Backward"/> (as <c>retain_grad()</c>); leaves always keep theirs.</summary>
    public void RetainGrad() => _retainsGrad = true;

    /// <summary>
    /// A leaf tensor with the same values (no copy; it shares the version counter) that does not require grad: the
    /// graph stops here. Use it for values that must be treated as constants.
    /// </summary>
    public Tensor<T> Detach() => new(Data, Rank, _version) { Name = Name };

    /// <summary>
    /// Computes the gradient of this tensor with respect to every tensor it was computed from that requires grad,
    /// and adds it (+=) to their <see cref="Grad"/>. The graph is walked once in reverse topological order (no
    /// recursion, so graphs of any depth work) and then freed, unless <paramref name="retainGraph"/> is set.
    /// </summary>
    /// <param name="gradient">∂L/∂(this tensor) for some final L; may be left out for a tensor with one element (1 is used).</param>
    /// <param name="retainGraph">Keep the graph so that Backward can run through it again.</param>
    /// <exception cref="InvalidOperationException">This tensor does not require grad; it has more than one element and
    /// no gradient was given; the graph was freed by an earlier Backward; or a tensor that backward needs was changed in
    /// place after it was used.</exception>
    /// <exception cref="ArgumentException"><paramref name="gradient"/> does not have this tensor's shape.</exception>
    public void Backward(Tensor<T>? gradient = null, bool retainGraph = false)
    {
        if (!RequiresGrad)
            throw new InvalidOperationException(
                $"Tensor.Backward: {Describe()} does not require grad, so it has no graph to go back through. Set " +
                "RequiresGrad = true on the parameters (leaves) before computing it, and compute it outside Tensor.NoGrad().");
        Matrix<T> seed;
        if (gradient is null)
        {
            if (Length != 1)
                throw new InvalidOperationException(
                    $"Tensor.Backward: {Describe()} has {Length} elements; without a gradient argument Backward works only " +
                    $"from a tensor with one element (a loss). Reduce it first (Sum(), Mean()) or pass Backward(gradient) " +
                    $"with shape {Shape}.");
            seed = Matrix.Ones<T>(1, 1);
        }
        else
        {
            if (gradient.Data.Shape != Data.Shape)
                throw new ArgumentException(
                    $"Tensor.Backward: the gradient has shape {gradient.Shape} but {Describe()} has shape {Shape}; they must match.",
                    nameof(gradient));
            seed = gradient.Data;
        }
        Graph.Backward(this, seed, retainGraph);
    }

    /// <summary>
    /// The result of an operation: a tensor holding <paramref name="value"/> that, when grad mode is on and an input
    /// requires grad, records the operation, its inputs and its backward rule (which receives ∂L/∂result and adds each
    /// input's share to it with <see cref="AccumulateGrad"/>). <paramref name="saves"/> says which tensors the rule reads,
    /// so that changing one of them in place before backward is an error instead of a wrong gradient.
    /// </summary>
    internal static Tensor<T> Result(string operation, Matrix<T> value, int rank, Tensor<T>[] inputs, Saves saves,
        Action<Matrix<T>> backward, VersionCounter? sharedVersion = null)
    {
        var result = new Tensor<T>(value, rank, sharedVersion);
        if (!GradMode.IsEnabled || !Array.Exists(inputs, input => input.RequiresGrad))
            return result;
        result._operation = operation;
        result._requiresGrad = true;
        result._inputs = inputs;
        result._backward = backward;
        int count = ((saves & Saves.Inputs) != 0 ? inputs.Length : 0) + ((saves & Saves.Output) != 0 ? 1 : 0);
        if (count > 0)
        {
            var saved = new SavedTensor[count];
            int k = 0;
            if ((saves & Saves.Inputs) != 0)
                for (int i = 0; i < inputs.Length; i++)
                    saved[k++] = new SavedTensor(inputs[i], inputs[i].Version, inputs.Length == 1 ? "its input" : $"input {i}");
            if ((saves & Saves.Output) != 0)
                saved[k] = new SavedTensor(result, result.Version, "its output");
            result._saved = saved;
        }
        return result;
    }

    /// <summary>
    /// Adds <paramref name="gradient"/> to this tensor's gradient (+=, never =: a tensor used twice gets both shares).
    /// A gradient with more rows or columns than this tensor comes from broadcasting and is summed down to its shape;
    /// one with size 1 where this tensor has more (from Sum or Mean) is stretched across it. Nothing happens when this
    /// tensor does not require grad (rules check <see cref="RequiresGrad"/> first when the share is costly to compute).
    /// A rule that made <paramref name="gradient"/> for this input alone passes <paramref name="owned"/>: the first
    /// share is then kept as the gradient itself instead of being copied (a leaf keeps only a contiguous one).
    /// </summary>
    internal void AccumulateGrad(Matrix<T> gradient, bool owned = false)
    {
        if (!RequiresGrad)
            return;
        var g = gradient;
        if (g.Rows != Data.Rows && Data.Rows == 1)
            (g, owned) = (g.Sum(0).AsRowMatrix(), true);
        if (g.Columns != Data.Columns && Data.Columns == 1)
            (g, owned) = (g.Sum(1).AsColumnMatrix(), true);
        if (_grad is null && owned && g.Shape == Data.Shape && (g.IsContiguous || !IsLeaf))
        {
            _grad = g;
            return;
        }
        _grad ??= new Matrix<T>(Data.Rows, Data.Columns);
        Elementwise.Add(_grad, g, _grad);
    }

    /// <summary>True when the graph below this node was freed by a Backward without retainGraph.</summary>
    internal bool IsFreed => _freed;

    /// <summary>
    /// The gradient that reached this computed tensor during the current Backward, handed over to its rule (which may
    /// pass it, or views of it, on to an input without copying: nothing else refers to it afterwards). After
    /// <see cref="RetainGrad"/> it is also added to the kept gradient.
    /// </summary>
    internal Matrix<T>? TakeGradient()
    {
        var g = _grad;
        _grad = null;
        if (_retainsGrad && g is not null)
        {
            if (_retained is null)
                _retained = g.Copy();
            else
                Elementwise.Add(_retained, g, _retained);
        }
        return g;
    }

    internal Action<Matrix<T>>? BackwardRule => _backward;

    /// <summary>Throws when a tensor this node's rule reads was changed in place after the operation ran.</summary>
    internal void CheckSavedVersions()
    {
        foreach (var saved in _saved)
        {
            if (saved.Tensor.Version != saved.Version)
                throw new InvalidOperationException(
                    $"Tensor.Backward: {saved.Tensor.Describe()}, {saved.Role} of '{_operation}', was changed in place after " +
                    $"'{_operation}' used it (version {saved.Tensor.Version}, expected {saved.Version}); its backward rule needs " +
                    "the old values, so the gradient would be wrong. Change the values only after Backward, or compute " +
                    "the result again after the change.");
        }
    }

    /// <summary>Drops this node's rule, inputs and saved tensors (the graph is freed after Backward).</summary>
    internal void Free()
    {
        _backward = null;
        _inputs = [];
        _saved = [];
        _freed = true;
    }
}

/// <summary>Which tensors an operation's backward rule reads (and so must not change in place before backward).</summary>
[Flags]
internal enum Saves
{
    /// <summary>The rule reads only the incoming gradient (add, sum, reshape...).</summary>
    Nothing = 0,

    /// <summary>The rule reads the inputs' values (mul, matmul...).</summary>
    Inputs = 1,

    /// <summary>The rule reads the result's values (exp, sigmoid, tanh...).</summary>
    Output = 2,
}
