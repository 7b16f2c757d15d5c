namespace Descent.Tests.Cli;

/// <summary>
/// The bad-input corpus (Cli/BadInputs/cases.tsv and its files), each case run through the real program: exit code 2,
/// exactly one <c>error:</c> line naming what is wrong and where, no stack trace, and no output file created or changed.
/// </summary>
public class BadInputTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "Cli", "BadInputs");

    public static IEnumerable<object[]> Cases() =>
        File.ReadAllLines(Path.Combine(Corpus, "cases.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(parts => new object[] { parts[0], parts[1], parts[2], parts.Length > 3 ? parts[3] : "" });

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInput_ExitsWithTwoAndOneErrorLine_AndWritesNothing(string name, string arguments, string expected, string environment)
    {
        using var scratch = new ScratchDirectory();
        string existingOutput = Path.Combine(scratch.Path, "existing.csv");
        File.WriteAllText(existingOutput, "keep,me\n1,2\n");
        var before = scratch.Snapshot();

        string[] args = arguments.Split(' ')
            .Select(a => a.Replace("{in}", Corpus).Replace("{out}", existingOutput))
            .ToArray();
        // an optional fourth column sets environment variables (NAME=VALUE, space-separated), such as a heap limit that
        // makes the memory budget (half of it) the same on every machine
        var variables = environment.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]);
        var result = CliProcess.Run(variables, scratch.Path, args);

        CliProcess.AssertBadInput(result);
        Assert.True(result.ErrorLines[0].Contains(expected.Replace("{in}", Corpus), StringComparison.Ordinal),
            $"case {name}: expected the error to contain \"{expected}\"\n{result}");
        var after = scratch.Snapshot();
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
    }
}
