using System.Globalization;
using Descent.Numerics.Random;

namespace Descent.Optimization;

/// <summary>
/// The rows that training holds out to watch for early stopping: ⌈fraction·m⌉ of them (scikit-learn's
/// <c>train_test_split</c> sizes), chosen by a seeded shuffle, or for classifiers stratified so that every class keeps
/// its share in both parts (scikit-learn's <c>_approximate_mode</c> allocation). Both parts come back in row order.
/// </summary>
internal static class ValidationSplit
{
    /// <exception cref="DescentDataException">Too few rows (or, stratified, too few per class) to hold some out.</exception>
    public static (int[] Train, int[] Validation) Split(int rows, IReadOnlyList<int>? classOfRow, double fraction, Rng rng,
        string trainer)
    {
        int validation = (int)Math.Ceiling(fraction * rows);
        if (validation >= rows)
            throw Refused(trainer, fraction, rows, $"it would leave no rows to train on");
        bool[] held = new bool[rows];
        if (classOfRow is null)
        {
            foreach (int row in rng.Permutation(rows).AsSpan(0, validation))
                held[row] = true;
        }
        else
        {
            var members = Enumerable.Range(0, classOfRow.Max() + 1).Select(k => new List<int>()).ToArray();
            for (int i = 0; i < rows; i++)
                members[classOfRow[i]].Add(i);
            var counts = members.Select(m => m.Count).Where(c => c > 0).ToArray();
            if (counts.Length > validation || counts.Min() < 2)
                throw Refused(trainer, fraction, rows, $"a stratified hold-out needs at least one row of each of the " +
                    $"{counts.Length} classes and two rows of each class in the data");
            int[] perClass = Sampling.ApproximateMode(counts, validation, rng);
            int k = 0;
            foreach (var member in members.Where(m => m.Count > 0))
            {
                var shuffled = member.ToArray();
                rng.Shuffle(shuffled.AsSpan());
                foreach (int row in shuffled.AsSpan(0, perClass[k++]))
                    held[row] = true;
            }
        }
        var train = new List<int>(rows - validation);
        var valid = new List<int>(validation);
        for (int i = 0; i < rows; i++)
            (held[i] ? valid : train).Add(i);
        return (train.ToArray(), valid.ToArray());
    }

    private static DescentDataException Refused(string trainer, double fraction, int rows, string why) =>
        new($"{trainer}: a validation fraction of {fraction.ToString("R", CultureInfo.InvariantCulture)} holds out " +
            $"{Math.Ceiling(fraction * rows)} of {rows} rows, but {why}. Change ValidationFraction, give more rows, or " +
            "stop on the training loss instead (no validation fraction).");
}
