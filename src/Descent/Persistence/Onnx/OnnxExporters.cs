using Descent.Persistence.Onnx.Exporters;

namespace Descent.Persistence.Onnx;

/// <summary>
/// The ONNX exporters of every preprocessing step and model kind that can be exported, looked up by the object's
/// type. Adding a kind is adding its exporter file in Exporters/ and one line here.
/// </summary>
internal static class OnnxExporters
{
    private static readonly IOnnxStepExporter[] Steps =
    [
        new StandardScalerExporter(),
        new MinMaxScalerExporter(),
        new PolynomialFeaturesExporter(),
    ];

    private static readonly IOnnxModelExporter[] Models =
    [
        new LinearModelExporter(),
        new LogisticRegressionExporter(),
        new PerceptronExporter(),
        new MlpExporter(),
        new DecisionTreeClassifierExporter(),
        new DecisionTreeRegressorExporter(),
        new RandomForestClassifierExporter(),
        new RandomForestRegressorExporter(),
    ];

    /// <summary>The exporter of <paramref name="step"/>'s type, or null when it has no ONNX form.</summary>
    public static IOnnxStepExporter? ForStep(object step) => Array.Find(Steps, e => e.StepType.IsInstanceOfType(step));

    /// <summary>The exporter of <paramref name="model"/>'s type, or null when it has no ONNX form.</summary>
    public static IOnnxModelExporter? ForModel(object model) => Array.Find(Models, e => e.ModelType.IsInstanceOfType(model));

    /// <summary>The step types that export, for messages.</summary>
    public static IEnumerable<string> StepNames => Steps.Select(e => e.StepType.Name);

    /// <summary>The model types that export, for messages.</summary>
    public static IEnumerable<string> ModelNames => Models.Select(e => e.ModelType.Name);
}
