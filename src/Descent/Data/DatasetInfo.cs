namespace Descent.Data;

/// <summary>What <see cref="Datasets.List"/> says about one named dataset.</summary>
/// <param name="Name">The name <see cref="Datasets.Load"/> takes ("iris").</param>
/// <param name="Rows">Number of rows (examples).</param>
/// <param name="Columns">Number of columns, the target included.</param>
/// <param name="Task">"regression", "binary classification" or "classification (K classes)".</param>
/// <param name="Target">The target column (the last).</param>
/// <param name="Description">One line: what the data is and where it comes from.</param>
public sealed record DatasetInfo(string Name, int Rows, int Columns, string Task, string Target, string Description);
