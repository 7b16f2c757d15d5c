using System.Numerics;
using Descent.Numerics;

namespace Descent.NeuralNetworks;

/// <summary>
/// A matrix a layer writes every batch (its output, its input's gradient), reused: storage grows only when a batch
/// needs more, and the view for each batch size is made once, so a training loop with full batches and a shorter last
/// batch allocates nothing after its first epoch.
/// </summary>
internal sealed class BatchBuffer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _storage = [];
    private readonly Dictionary<(int Rows, int Columns), Matrix<T>> _views = [];
    private Matrix<T>? _last;

    /// <summary>A contiguous rows × columns matrix (its old contents are not cleared).</summary>
    public Matrix<T> Get(int rows, int columns)
    {
        if (_last is not null && _last.Rows == rows && _last.Columns == columns)
            return _last;
        if (!_views.TryGetValue((rows, columns), out var view))
        {
            int length = Matrix<T>.CheckedSize(rows, columns);
            if (length > _storage.Length)
            {
                _storage = new T[length];
                _views.Clear();
            }
            view = new Matrix<T>(_storage, 0, rows, columns, columns, 1);
            _views[(rows, columns)] = view;
        }
        return _last = view;
    }
}
