namespace Descent.Persistence;

/// <summary>The formats of every model and preprocessing kind that can be saved, looked up by kind name or by .NET type.</summary>
public static class ModelFormats
{
    private static readonly IModelFormat[] All =
    [
        new Formats.LinearModelFormat(),
        new Formats.IterativeLinearModelFormat(),
        new Formats.ElasticNetModelFormat(),
        new Formats.LogisticRegressionModelFormat(),
        new Formats.PerceptronModelFormat(),
        new Formats.MlpClassifierModelFormat(),
        new Formats.MlpRegressorModelFormat(),
        new Formats.DecisionTreeClassifierModelFormat(),
        new Formats.DecisionTreeRegressorModelFormat(),
        new Formats.RandomForestClassifierModelFormat(),
        new Formats.RandomForestRegressorModelFormat(),
        new Formats.StandardScalerModelFormat(),
        new Formats.MinMaxScalerModelFormat(),
        new Formats.PolynomialFeaturesModelFormat(),
        new Formats.SimpleImputerModelFormat(),
        new Formats.OneHotEncoderModelFormat(),
        new Formats.DateFeaturesModelFormat(),
        new Formats.ColumnTransformerModelFormat(),
    ];

    /// <summary>The kinds that can be saved and loaded.</summary>
    public static IEnumerable<string> Kinds => All.Select(f => f.Kind);

    /// <summary>The format whose kind is <paramref name="kind"/>, or null.</summary>
    public static IModelFormat? ForKind(string kind) => Array.Find(All, f => f.Kind == kind);

    /// <summary>The format that writes objects of <paramref name="model"/>'s exact type.</summary>
    /// <exception cref="NotSupportedException">No format is registered for that type.</exception>
    public static IModelFormat ForModel(object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Array.Find(All, f => f.ModelType == model.GetType())
            ?? throw new NotSupportedException($"Saving a {model.GetType().Name} is not supported; kinds that can be saved: {string.Join(", ", Kinds)}.");
    }
}
