namespace Descent.Data;

/// <summary>What a table column holds, as read: numbers, categories (text labels), or dates.</summary>
public enum ColumnKind
{
    /// <summary>Numbers (<see cref="NumericColumn"/>).</summary>
    Number,

    /// <summary>Categories, each cell one of a set of text values (<see cref="CategoricalColumn"/>).</summary>
    Category,

    /// <summary>ISO-8601 dates, optionally with a time (<see cref="DateColumn"/>).</summary>
    Date,
}
