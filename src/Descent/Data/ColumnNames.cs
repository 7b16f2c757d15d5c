namespace Descent.Data;

/// <summary>Formats column lists and "did you mean" suggestions for error messages.</summary>
internal static class ColumnNames
{
    /// <summary>"a, b, c" (at most 12 names, then "… (N in all)").</summary>
    public static string List(IReadOnlyList<string> names)
    {
        const int shown = 12;
        var parts = names.Take(shown).Select(n => $"'{n}'");
        string list = string.Join(", ", parts);
        return names.Count > shown ? $"{list}, … ({names.Count} in all)" : list;
    }

    /// <summary>" (did you mean 'x'?)" when a name differs from <paramref name="wanted"/> only by case or by at most two edits; otherwise "".</summary>
    public static string Suggest(string wanted, IReadOnlyList<string> names)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string name in names)
        {
            int distance = string.Equals(name, wanted, StringComparison.OrdinalIgnoreCase) ? 0 : EditDistance(name, wanted);
            if (distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }
        return best is not null && bestDistance <= Math.Min(2, Math.Max(1, wanted.Length / 2)) ? $" (did you mean '{best}'?)" : "";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
