using Descent.Data;

namespace Descent.Preprocessing;

/// <summary>Finds a fitted step's input column in a table and checks that it holds what the step was fitted on.</summary>
internal static class ColumnKinds
{
    /// <summary>
    /// The column <paramref name="name"/> of <paramref name="table"/>, of kind <paramref name="kind"/>. A numeric column
    /// whose cells are all missing stands for an empty column of any kind (a file whose date or category column is empty).
    /// </summary>
    /// <exception cref="DescentDataException">There is no such column, or it holds another kind.</exception>
    public static TableColumn As(Table table, string name, ColumnKind kind, string operation)
    {
        TableColumn column = table[name];
        if (column.Kind == kind)
            return column;
        if (column is NumericColumn && column.MissingCount == column.Length)
            return kind == ColumnKind.Category
                ? new CategoricalColumn(name, new int[column.Length].Select(_ => -1).ToArray(), [], column.SourceIndex)
                : new DateColumn(name, Enumerable.Repeat(DateColumn.MissingTicks, column.Length).ToArray(), column.SourceIndex);
        throw new DescentDataException(
            $"{operation}: column '{name}' of {table.Source ?? "the table"} holds {Plural(column.Kind)}, but was fitted on {Plural(kind)}.",
            table.Source, columnName: name);
    }

    public static string Plural(ColumnKind kind) => kind switch
    {
        ColumnKind.Number => "numbers",
        ColumnKind.Category => "categories",
        _ => "dates",
    };
}
