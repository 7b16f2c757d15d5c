namespace Descent.Persistence.Onnx;

/// <summary>
/// Writes one kind of fitted preprocessing step into an ONNX graph: the nodes that compute its transformation from
/// the value holding its input columns. Registered in <see cref="OnnxExporters"/>.
/// </summary>
internal interface IOnnxStepExporter
{
    /// <summary>The step type this exporter writes (instances of subclasses too).</summary>
    Type StepType { get; }

    /// <summary>Adds the nodes of <paramref name="step"/> applied to <paramref name="input"/>; returns the transformed value.</summary>
    OnnxTensor Add(OnnxGraph graph, object step, OnnxTensor input);
}

/// <summary>
/// Writes one kind of fitted model into an ONNX graph: the nodes from the value holding its input columns to the
/// graph outputs (<c>label</c>, and for classifiers <c>probabilities</c>). Registered in <see cref="OnnxExporters"/>.
/// </summary>
internal interface IOnnxModelExporter
{
    /// <summary>The model type this exporter writes (instances of subclasses too).</summary>
    Type ModelType { get; }

    /// <summary>Adds the nodes of <paramref name="model"/> applied to <paramref name="input"/> and declares the outputs.</summary>
    void Add(OnnxGraph graph, object model, OnnxTensor input);
}
