using Descent.Data;

namespace Descent.Preprocessing;

/// <summary>A preprocessing step over table columns (an imputer, an encoder, date expansion): Fit learns from a table.</summary>
/// <typeparam name="TFitted">The fitted step.</typeparam>
public interface ITableTransformer<out TFitted> where TFitted : IFittedTableTransformer
{
    /// <summary>Learns the step's statistics from the columns of <paramref name="table"/>.</summary>
    TFitted Fit(Table table);
}

/// <summary>A fitted step over table columns: applies what it learned to any table holding its input columns.</summary>
public interface IFittedTableTransformer
{
    /// <summary>The columns it reads, by name.</summary>
    IReadOnlyList<string> InputColumns { get; }

    /// <summary>The names of the columns it returns.</summary>
    IReadOnlyList<string> OutputColumns { get; }

    /// <summary>The transformed columns (<see cref="OutputColumns"/>), one cell per row of <paramref name="table"/>.</summary>
    Table Transform(Table table);
}
