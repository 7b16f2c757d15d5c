namespace Descent.Numerics.Random;

/// <summary>Seeded sampling helpers shared by the splits of ModelSelection and the validation split of training.</summary>
internal static class Sampling
{
    /// <summary>
    /// scikit-learn's _approximate_mode: how many of <paramref name="draws"/> come from each class, proportional to
    /// <paramref name="classCounts"/>: floors, then one more for the largest remainders (ties broken at random).
    /// </summary>
    public static int[] ApproximateMode(int[] classCounts, int draws, Rng rng)
    {
        double total = classCounts.Sum();
        var continuous = classCounts.Select(c => c / total * draws).ToArray();
        var floored = continuous.Select(Math.Floor).ToArray();
        int needToAdd = (int)(draws - floored.Sum());
        if (needToAdd > 0)
        {
            var remainder = continuous.Select((c, k) => c - floored[k]).ToArray();
            foreach (double value in remainder.Distinct().OrderByDescending(v => v))
            {
                int[] tied = Enumerable.Range(0, remainder.Length).Where(k => remainder[k] == value).ToArray();
                int addNow = Math.Min(tied.Length, needToAdd);
                rng.Shuffle(tied.AsSpan());
                foreach (int k in tied[..addNow])
                    floored[k] += 1;
                needToAdd -= addNow;
                if (needToAdd == 0)
                    break;
            }
        }
        return floored.Select(f => (int)f).ToArray();
    }
}
