using Descent.Numerics;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Descent.Bench.Peers;

/// <summary>
/// A workload's X (as float32, ML.NET's only feature type) and class labels as an ML.NET IDataView: a vector column
/// <c>Features</c> of X's width and a <c>Label</c> column — bool for two classes, else a key of the class count.
/// (Loaded from a class, a key property holds the 0-based class index; the view then stores it 1-based, 0 being
/// ML.NET's missing key, and reading a key column back gives the 1-based value.) The view is cached, so that timed fits
/// read memory, as Descent's do.
/// </summary>
internal static class MlNetData
{
    private sealed class BinaryRow
    {
        public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    private sealed class MulticlassRow
    {
        public float[] Features { get; set; } = [];
        public uint Label { get; set; }
    }

    public static IDataView Load(MLContext ml, Matrix<double> x, int[] labels, int classes)
    {
        float[][] features = new float[x.Rows][];
        for (int i = 0; i < x.Rows; i++)
        {
            features[i] = new float[x.Columns];
            for (int j = 0; j < x.Columns; j++)
                features[i][j] = (float)x[i, j];
        }
        var vector = new VectorDataViewType(NumberDataViewType.Single, x.Columns);
        IDataView view;
        if (classes == 2)
        {
            var schema = SchemaDefinition.Create(typeof(BinaryRow));
            schema["Features"].ColumnType = vector;
            view = ml.Data.LoadFromEnumerable(features.Select((f, i) => new BinaryRow { Features = f, Label = labels[i] == 1 }).ToArray(), schema);
        }
        else
        {
            var schema = SchemaDefinition.Create(typeof(MulticlassRow));
            schema["Features"].ColumnType = vector;
            schema["Label"].ColumnType = new KeyDataViewType(typeof(uint), classes);
            view = ml.Data.LoadFromEnumerable(features.Select((f, i) => new MulticlassRow { Features = f, Label = (uint)labels[i] }).ToArray(), schema);
        }
        return ml.Data.Cache(view);
    }

    /// <summary>The fraction of rows whose predicted class (ML.NET's <c>PredictedLabel</c>) is the true one.</summary>
    public static double Accuracy(ITransformer model, IDataView data, int[] labels, int classes)
    {
        var scored = model.Transform(data);
        int[] predicted = classes == 2
            ? scored.GetColumn<bool>("PredictedLabel").Select(b => b ? 1 : 0).ToArray()
            : scored.GetColumn<uint>("PredictedLabel").Select(k => (int)k - 1).ToArray();
        return Metrics.ClassificationMetrics.Accuracy(labels, predicted);
    }
}
