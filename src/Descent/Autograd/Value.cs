namespace Descent.Autograd;

/// <summary>
/// One number with a gradient: the scalar autograd engine for teaching, in the style of Karpathy's micrograd. Every
/// operation on Values builds a node of the expression's graph, remembering its inputs and how to pass a gradient
/// back to them (the chain rule: each input's gradient += the output's gradient × the local derivative);
/// <see cref="Backward"/> runs those rules from the output down in reverse topological order. It has the same
/// elementwise operations as <see cref="Tensor{T}"/> and agrees with it; its graph can be drawn, each node with its value
/// and gradient (<c>Descent.Plotting.Models.ValueGraphFigure</c>).
/// </summary>
/// <example><code>
/// var x = new Value(2.0, "x");
/// var w = new Value(-3.0, "w");
/// var b = new Value(6.88, "b");
/// var y = (x * w + b).Tanh();
/// y.Backward();   // x.Grad = w·(1 − y²), w.Grad = x·(1 − y²), b.Grad = 1 − y²
/// </code></example>
public sealed class Value
{
    private readonly Value[] _inputs;
    private Action? _backward;

    /// <summary>A leaf: a number the expression starts from (an input or a parameter).</summary>
    public Value(double data, string? label = null)
    {
        Data = data;
        Label = label;
        _inputs = [];
    }

    private Value(double data, string operation, params Value[] inputs)
    {
        Data = data;
        Operation = operation;
        _inputs = inputs;
    }

    /// <summary>The number. A parameter's is changed by a gradient-descent step: <c>p.Data -= rate * p.Grad</c>.</summary>
    public double Data { get; set; }

    /// <summary>∂(output)/∂(this value) after <see cref="Backward"/>; a leaf's accumulates (+=) until <see cref="ZeroGrad"/>.</summary>
    public double Grad { get; set; }

    /// <summary>A name shown in drawings ("x", "w1", "loss").</summary>
    public string? Label { get; set; }

    /// <summary>The operation that made this value ("+", "*", "tanh", ...), or null for a leaf.</summary>
    public string? Operation { get; }

    /// <summary>The values this one was computed from.</summary>
    public IReadOnlyList<Value> Inputs => _inputs;

    /// <summary>A constant as a leaf, so that <c>x * 2</c> and <c>1 - x</c> work.</summary>
    public static implicit operator Value(double data) => new(data);

    /// <summary>a + b; ∂/∂a = ∂/∂b = 1.</summary>
    public static Value operator +(Value a, Value b) => Make(a.Data + b.Data, "+", [a, b], g => { a.Grad += g; b.Grad += g; });

    /// <summary>a − b; ∂/∂a = 1, ∂/∂b = −1.</summary>
    public static Value operator -(Value a, Value b) => Make(a.Data - b.Data, "-", [a, b], g => { a.Grad += g; b.Grad -= g; });

    /// <summary>a · b; ∂/∂a = b, ∂/∂b = a.</summary>
    public static Value operator *(Value a, Value b) => Make(a.Data * b.Data, "*", [a, b], g => { a.Grad += g * b.Data; b.Grad += g * a.Data; });

    /// <summary>a / b; ∂/∂a = 1/b, ∂/∂b = −a/b².</summary>
    public static Value operator /(Value a, Value b) =>
        Make(a.Data / b.Data, "/", [a, b], g => { a.Grad += g / b.Data; b.Grad += -g * a.Data / (b.Data * b.Data); });

    /// <summary>−a; ∂/∂a = −1.</summary>
    public static Value operator -(Value a) => Make(-a.Data, "neg", [a], g => a.Grad -= g);

    /// <summary>eˣ; ∂/∂x = eˣ.</summary>
    public Value Exp()
    {
        double e = Math.Exp(Data);
        return Make(e, "exp", [this], g => Grad += g * e);
    }

    /// <summary>ln x; ∂/∂x = 1/x.</summary>
    public Value Log() => Make(Math.Log(Data), "log", [this], g => Grad += g / Data);

    /// <summary>xᵖ for a constant p; ∂/∂x = p·xᵖ⁻¹.</summary>
    public Value Pow(double exponent) =>
        Make(Math.Pow(Data, exponent), $"^{exponent.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)}", [this],
            g => Grad += exponent == 0 ? 0 : g * exponent * Math.Pow(Data, exponent - 1));

    /// <summary>√x; ∂/∂x = 1 / (2√x).</summary>
    public Value Sqrt()
    {
        double root = Math.Sqrt(Data);
        return Make(root, "sqrt", [this], g => Grad += g / (2 * root));
    }

    /// <summary>|x|; ∂/∂x = sign(x) (0 at 0).</summary>
    public Value Abs() => Make(Math.Abs(Data), "abs", [this], g => Grad += g * Math.Sign(Data));

    /// <summary>min(max(x, min), max); ∂/∂x = 1 inside [min, max], else 0.</summary>
    public Value Clamp(double min, double max) =>
        Make(Math.Min(Math.Max(Data, min), max), "clamp", [this], g => Grad += Data >= min && Data <= max ? g : 0);

    /// <summary>σ(x) = 1 / (1 + e⁻ˣ); ∂/∂x = σ(x)(1 − σ(x)).</summary>
    public Value Sigmoid()
    {
        double s = Data >= 0 ? 1 / (1 + Math.Exp(-Data)) : Math.Exp(Data) / (1 + Math.Exp(Data));
        return Make(s, "σ", [this], g => Grad += g * (1 - s) * s);
    }

    /// <summary>tanh x; ∂/∂x = 1 − tanh²x.</summary>
    public Value Tanh()
    {
        double t = Math.Tanh(Data);
        return Make(t, "tanh", [this], g => Grad += g * (1 - t * t));
    }

    /// <summary>max(x, 0); ∂/∂x = 1 for x &gt; 0, else 0.</summary>
    public Value Relu() => Make(Math.Max(Data, 0), "ReLU", [this], g => Grad += Data > 0 ? g : 0);

    /// <summary>x for x &gt; 0, slope·x otherwise; ∂/∂x = 1 or slope.</summary>
    public Value LeakyRelu(double slope = 0.01) =>
        Make(Data > 0 ? Data : slope * Data, "leaky ReLU", [this], g => Grad += Data > 0 ? g : g * slope);

    /// <summary>Σ values, as one node with many inputs; ∂/∂vᵢ = 1.</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static Value Sum(IEnumerable<Value> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToArray();
        if (inputs.Length == 0)
            throw new ArgumentException("Value.Sum: needs at least one value.", nameof(values));
        return Make(inputs.Sum(v => v.Data), "Σ", inputs, g =>
        {
            foreach (var v in inputs)
                v.Grad += g;
        });
    }

    /// <summary>
    /// Sets this value's gradient to 1 and passes gradients back through the whole graph: the computed values' gradients
    /// are recomputed from zero, the leaves' are added to (+=) what they held.
    /// </summary>
    public void Backward()
    {
        var order = Graph();
        foreach (var node in order)
            if (node.Operation is not null)
                node.Grad = 0;
        Grad += 1;
        for (int i = order.Count - 1; i >= 0; i--)
            order[i]._backward?.Invoke();
    }

    /// <summary>Sets the gradient of every value in this value's graph (leaves included) to 0.</summary>
    public void ZeroGrad()
    {
        foreach (var node in Graph())
            node.Grad = 0;
    }

    /// <summary>
    /// The values of this value's graph, each after all of its inputs (a topological order, found with an explicit
    /// stack); this value is last.
    /// </summary>
    public IReadOnlyList<Value> Graph()
    {
        var order = new List<Value>();
        var visited = new HashSet<Value>(ReferenceEqualityComparer.Instance) { this };
        var stack = new Stack<(Value Node, int Next)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next < node._inputs.Length)
            {
                stack.Push((node, next + 1));
                if (visited.Add(node._inputs[next]))
                    stack.Push((node._inputs[next], 0));
            }
            else
            {
                order.Add(node);
            }
        }
        return order;
    }

    /// <summary>"Value(data=…, grad=…)", as micrograd prints.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"Value({(Label is null ? "" : Label + ": ")}data={Data:G6}, grad={Grad:G6})");

    /// <summary>A computed value whose backward rule receives its gradient g.</summary>
    private static Value Make(double data, string operation, Value[] inputs, Action<double> backward)
    {
        foreach (var input in inputs)
            ArgumentNullException.ThrowIfNull(input);
        var result = new Value(data, operation, inputs);
        result._backward = () => backward(result.Grad);
        return result;
    }
}
