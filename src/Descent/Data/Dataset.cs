using System.Globalization;
using Descent.Numerics;

namespace Descent.Data;

/// <summary>
/// A table of numeric features with an optional target: what <see cref="CsvReader"/>, <see cref="Datasets"/> and
/// the generators return and what estimators and the CLI take. <see cref="Features"/> is rows × features;
/// the target is kept both as numbers (<see cref="Target"/>, for regression) and as text exactly as written
/// (<see cref="TargetLabels"/>, for class labels: "3" stays "3", "setosa" stays "setosa").
/// </summary>
public sealed class Dataset
{
    /// <summary>A dataset from its parts; <paramref name="target"/> and <paramref name="targetLabels"/>, when given, need one value per row.</summary>
    /// <exception cref="ArgumentException">The names or the target do not match the shape of <paramref name="features"/>.</exception>
    public Dataset(Matrix<double> features, IReadOnlyList<string> featureNames, string? targetName = null,
        double[]? target = null, IReadOnlyList<string>? targetLabels = null, string? source = null)
        : this(features, featureNames, targetName, target, targetLabels, source, null)
    {
    }

    internal Dataset(Matrix<double> features, IReadOnlyList<string> featureNames, string? targetName,
        double[]? target, IReadOnlyList<string>? targetLabels, string? source, DescentDataException? nonNumericTarget)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureNames.Count != features.Columns)
            throw new ArgumentException(
                $"Dataset: {featureNames.Count} feature names for a matrix with {features.Columns} columns; give one name per column.",
                nameof(featureNames));
        if (target is not null && target.Length != features.Rows)
            throw new ArgumentException(
                $"Dataset: the target has {target.Length} values but the features have {features.Rows} rows; every row needs one target.",
                nameof(target));
        if (targetLabels is not null && targetLabels.Count != features.Rows)
            throw new ArgumentException(
                $"Dataset: {targetLabels.Count} target labels but the features have {features.Rows} rows; every row needs one label.",
                nameof(targetLabels));
        if ((target is not null || targetLabels is not null) && targetName is null)
            throw new ArgumentException("Dataset: a target needs a name (targetName).", nameof(targetName));
        Features = features;
        FeatureNames = featureNames;
        TargetName = targetName;
        Target = target;
        TargetLabels = targetLabels;
        Source = source;
        _nonNumericTarget = nonNumericTarget;
    }

    private readonly DescentDataException? _nonNumericTarget;

    /// <summary>The features, rows × <see cref="FeatureNames"/>.Count.</summary>
    public Matrix<double> Features { get; }

    /// <summary>The name of each feature column, in order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The target column's name, or null when the dataset has no target.</summary>
    public string? TargetName { get; }

    /// <summary>The target as numbers, or null when there is no target or some target value is not a number.</summary>
    public double[]? Target { get; }

    /// <summary>
    /// The target exactly as written in the source, one per row (class labels), or null when there is no target,
    /// or when the target is numeric with more than <see cref="CsvReader.MaxDistinctNumericLabels"/> distinct
    /// values (a regression target, kept only as <see cref="Target"/>).
    /// </summary>
    public IReadOnlyList<string>? TargetLabels { get; }

    /// <summary>Where the data came from: a file path, "embedded:iris", "generated:make_moons", or null.</summary>
    public string? Source { get; }

    /// <summary>Number of rows.</summary>
    public int Rows => Features.Rows;

    /// <summary>Number of feature columns.</summary>
    public int FeatureCount => Features.Columns;

    /// <summary>True when the dataset has a target column.</summary>
    public bool HasTarget => TargetName is not null;

    /// <summary>The numeric target, for a regressor.</summary>
    /// <exception cref="DescentDataException">There is no target, or a target value is not a number (the message names the first such cell).</exception>
    public double[] RequireNumericTarget() => TargetValues.RequireNumbers();

    /// <summary>The target as class labels (as written in the source, ordered as scikit-learn orders classes).</summary>
    /// <exception cref="DescentDataException">There is no target column.</exception>
    public ClassLabels RequireClassLabels() => TargetValues.RequireClassLabels();

    internal TargetValues TargetValues => new(TargetName, Target, TargetLabels, Source, _nonNumericTarget);

    /// <summary>A dataset with only the named feature columns, in the order given (the target is kept).</summary>
    /// <exception cref="DescentDataException">A name is not a feature column (the message lists the columns).</exception>
    public Dataset SelectFeatures(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var indices = new int[names.Count];
        for (int k = 0; k < names.Count; k++)
        {
            indices[k] = IndexOfFeature(names[k]);
            if (indices[k] < 0)
                throw new DescentDataException(
                    $"{SourceName} has no feature column '{names[k]}'{ColumnNames.Suggest(names[k], FeatureNames)}; " +
                    $"its feature columns are {ColumnNames.List(FeatureNames)}.", Source, columnName: names[k]);
        }
        var selected = new Matrix<double>(Rows, names.Count);
        for (int i = 0; i < Rows; i++)
            for (int k = 0; k < indices.Length; k++)
                selected[i, k] = Features[i, indices[k]];
        return new Dataset(selected, names.ToArray(), TargetName, Target, TargetLabels, Source, _nonNumericTarget);
    }

    /// <summary>The index of the feature named <paramref name="name"/> (ordinal comparison), or -1.</summary>
    public int IndexOfFeature(string name)
    {
        for (int j = 0; j < FeatureNames.Count; j++)
            if (string.Equals(FeatureNames[j], name, StringComparison.Ordinal))
                return j;
        return -1;
    }

    /// <summary>"iris.csv: 150 rows × 4 features, target 'species'".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{SourceName}: {Rows} row{(Rows == 1 ? "" : "s")} × {FeatureCount} feature{(FeatureCount == 1 ? "" : "s")}" +
            $"{(TargetName is null ? "" : $", target '{TargetName}'")}");

    private string SourceName => Source ?? "dataset";
}
