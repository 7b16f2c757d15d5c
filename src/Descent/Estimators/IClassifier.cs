using Descent.Numerics;

namespace Descent;

/// <summary>
/// Settings for a classification algorithm. <see cref="Fit"/> learns from X (n_samples × n_features) and the class
/// of each row, and returns an immutable, thread-safe model that keeps the class labels as written.
/// </summary>
/// <typeparam name="TModel">The fitted model type.</typeparam>
public interface IClassifier<out TModel> where TModel : IClassificationModel
{
    /// <summary>Learns from <paramref name="x"/> and <paramref name="y"/>. Validates both first, naming rows and columns on error.</summary>
    TModel Fit(Matrix<double> x, ClassLabels y, IProgress<FitProgress>? progress = null,
        CancellationToken cancellationToken = default);
}

/// <summary>A fitted classifier.</summary>
public interface IClassificationModel
{
    /// <summary>Number of columns of the X it was fitted on; Predict requires the same.</summary>
    int FeatureCount { get; }

    /// <summary>The classes seen at Fit, in scikit-learn's order (numeric when every label is a number, else ordinal).</summary>
    IReadOnlyList<Label> Classes { get; }

    /// <summary>For each row, the predicted class label (one of <see cref="Classes"/>, as written in the training data).</summary>
    Label[] Predict(Matrix<double> x)
    {
        int[] indices = PredictClassIndices(x);
        var labels = new Label[indices.Length];
        for (int i = 0; i < labels.Length; i++)
            labels[i] = Classes[indices[i]];
        return labels;
    }

    /// <summary>For each row, the index into <see cref="Classes"/> of the predicted class.</summary>
    int[] PredictClassIndices(Matrix<double> x);

    /// <summary>n_samples × n_classes matrix of class probabilities; column k belongs to <c>Classes[k]</c>.</summary>
    Matrix<double> PredictProbabilities(Matrix<double> x);
}
