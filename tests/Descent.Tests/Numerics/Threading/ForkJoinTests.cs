using Descent.Numerics.Threading;

namespace Descent.Tests.Numerics.Threading;

public class ForkJoinTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void Run_CallsEveryIndexExactlyOnce(int count)
    {
        for (int repeat = 0; repeat < 200; repeat++)
        {
            var calls = new int[count];
            ForkJoin.Run(count, i => Interlocked.Increment(ref calls[i]));
            Assert.All(calls, c => Assert.Equal(1, c));
        }
    }

    [Fact]
    public void Run_RethrowsABodysException_AfterAllBodiesFinished()
    {
        var finished = new int[3];
        var error = Assert.Throws<InvalidOperationException>(() => ForkJoin.Run(3, i =>
        {
            if (i == 2)
                throw new InvalidOperationException("body 2 failed");
            Interlocked.Increment(ref finished[i]);
        }));
        Assert.Equal("body 2 failed", error.Message);
        Assert.Equal(new[] { 1, 1, 0 }, finished);
        ForkJoin.Run(2, _ => { });   // the pool is usable afterwards
    }

    [Fact]
    public void Run_NestedCalls_RunInline()
    {
        var calls = new int[2, 3];
        ForkJoin.Run(2, outer => ForkJoin.Run(3, inner => Interlocked.Increment(ref calls[outer, inner])));
        foreach (int c in calls)
            Assert.Equal(1, c);
    }
}
