using System.Buffers;
using System.Collections.Concurrent;
using Descent.Numerics;
using Descent.Numerics.Random;

namespace Descent.Trees;

/// <summary>
/// Grows the trees of a random forest in parallel. Tree t draws everything random (its bootstrap sample and its
/// feature orders) from its own generator, seeded with <c>Rng.Derive(seed, t)</c>, so the forest is identical for
/// any number of threads. A bootstrap sample draws n rows with replacement and is given to the tree as row weights
/// (the number of times each row was drawn), as scikit-learn does; rows never drawn are the tree's out-of-bag rows.
/// </summary>
internal static class ForestTrainer
{
    /// <summary>The grown trees and, per tree, which rows were out of bag (null unless requested).</summary>
    public sealed record Result(Tree[] Trees, bool[][]? OutOfBag);

    /// <summary>
    /// Grows <paramref name="treeCount"/> trees on at most Parallelism.MaxThreads threads with builders made by
    /// <paramref name="createBuilder"/>, one for each tree grown at the same time. The finished trees'
    /// memory is added up as they come (<see cref="TreeMemory"/>): the forest stops once it passes the budget.
    /// </summary>
    /// <exception cref="InsufficientMemoryException">The trees grown hold more than <see cref="MemoryBudget"/>.</exception>
    public static Result Grow(string operation, int treeCount, long seed, bool bootstrap, bool keepOutOfBag, int rowCount, TreeGrowth growth,
        Func<TreeBuilder> createBuilder, IProgress<FitProgress>? progress, CancellationToken cancellationToken)
    {
        var trees = new Tree[treeCount];
        bool[][]? outOfBag = bootstrap && keepOutOfBag ? new bool[treeCount][] : null;
        int done = 0;
        long keptBytes = 0;
        InsufficientMemoryException? overBudget = null;
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Min(Parallelism.MaxThreads, treeCount),
            CancellationToken = cancellationToken,
        };
        // builders (with their row-sized buffers) are lent to one tree at a time and kept for the next: no more of
        // them than trees grown at once, however often the loop moves to new threads
        var idle = new ConcurrentBag<(TreeBuilder Builder, double[] Weights)>();
        Parallel.For(0, treeCount, options, (t, loop) =>
        {
            if (!idle.TryTake(out var worker))
                worker = (createBuilder(), new double[rowCount]);
            try
            {
                trees[t] = GrowTree(t, worker.Builder, worker.Weights);
            }
            finally
            {
                idle.Add(worker);
            }
            int finished = Interlocked.Increment(ref done);
            try
            {
                TreeMemory.CheckForest(operation, Interlocked.Add(ref keptBytes, TreeMemory.FinishedBytes(trees[t])), finished, treeCount);
            }
            catch (InsufficientMemoryException e)
            {
                Interlocked.CompareExchange(ref overBudget, e, null);
                loop.Stop();
            }
            progress?.Report(new FitProgress(finished, treeCount, double.NaN));
        });
        if (overBudget is not null)
            throw overBudget;
        return new Result(trees, outOfBag);

        // tree t, from its own generator: the same tree on any thread
        Tree GrowTree(int t, TreeBuilder builder, double[] weights)
        {
            var rng = new Rng(Rng.Derive(unchecked((ulong)seed), (ulong)t));
            if (bootstrap)
            {
                Array.Clear(weights);
                for (int i = 0; i < rowCount; i++)
                    weights[rng.NextInt(rowCount)] += 1.0;
                if (outOfBag is not null)
                {
                    var unsampled = new bool[rowCount];
                    for (int i = 0; i < rowCount; i++)
                        unsampled[i] = weights[i] == 0.0;
                    outOfBag[t] = unsampled;
                }
            }
            else
            {
                Array.Fill(weights, 1.0);
            }
            return builder.Build(weights, growth, rng, cancellationToken);
        }
    }

    /// <summary>
    /// scikit-learn's forest importances: the mean of the trees' normalised importances over the trees that split at
    /// least once, normalised again (all zeros when no tree splits).
    /// </summary>
    public static double[] FeatureImportances(Tree[] trees, int featureCount)
    {
        var mean = new double[featureCount];
        int used = 0;
        foreach (Tree tree in trees)
        {
            if (tree.NodeCount <= 1)
                continue;
            double[] importances = tree.FeatureImportances();
            for (int f = 0; f < featureCount; f++)
                mean[f] += importances[f];
            used++;
        }
        double sum = 0.0;
        for (int f = 0; f < featureCount; f++)
        {
            mean[f] = used > 0 ? mean[f] / used : 0.0;
            sum += mean[f];
        }
        if (sum > 0.0)
        {
            for (int f = 0; f < featureCount; f++)
                mean[f] /= sum;
        }
        return mean;
    }

    /// <summary>
    /// Runs <paramref name="body"/> over chunks of at most <see cref="RowChunk"/> rows of <paramref name="x"/> (checked
    /// already), each converted to float32 in a pooled buffer and handed over with the index of its first row: a
    /// forest predicting n rows holds a chunk of float32 rows per thread rather than a copy of all n.
    /// </summary>
    public static void ForRowChunks(Matrix<double> x, int work, Action<FeatureRows, int> body) =>
        ForRowChunks(x.Rows, work, (start, end) =>
        {
            float[] buffer = ArrayPool<float>.Shared.Rent((end - start) * x.Columns);
            try
            {
                body(FeatureRows.Convert(x, start, end, buffer), start);
            }
            finally
            {
                ArrayPool<float>.Shared.Return(buffer);
            }
        });

    /// <summary>The most rows <see cref="ForRowChunks(int, int, Action{int, int})"/> gives its body at once.</summary>
    public const int RowChunk = 1024;

    /// <summary>
    /// Runs <paramref name="body"/> over fixed chunks of at most <see cref="RowChunk"/> of <paramref name="rowCount"/>
    /// rows, in parallel when the work is large.
    /// </summary>
    public static void ForRowChunks(int rowCount, int work, Action<int, int> body)
    {
        int chunks = (rowCount + RowChunk - 1) / RowChunk;
        if (chunks <= 1 || (long)rowCount * work < 200_000 || Parallelism.MaxThreads == 1)
        {
            for (int c = 0; c < chunks; c++)
                body(c * RowChunk, Math.Min(rowCount, (c + 1) * RowChunk));
            return;
        }
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism.MaxThreads };
        Parallel.For(0, chunks, options, c => body(c * RowChunk, Math.Min(rowCount, (c + 1) * RowChunk)));
    }
}
