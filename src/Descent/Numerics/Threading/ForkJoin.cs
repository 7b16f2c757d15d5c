using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace Descent.Numerics.Threading;

/// <summary>
/// A small fork-join pool for kernels: <see cref="Run"/> calls body(0 .. count-1) at once, body(0) on the calling
/// thread and the others on long-lived workers, and returns when all have finished. Workers spin briefly after each
/// job before they sleep, so back-to-back calls (a training loop's many small products) cost about a microsecond
/// instead of the tens of microseconds of <see cref="Parallel.For(int, int, Action{int})"/>.
/// A call made while the pool is busy (from another thread, or nested inside a body) runs its bodies one after the
/// other on the calling thread; kernels split work in a fixed way, so their results do not change.
/// </summary>
internal static class ForkJoin
{
    private static readonly object Sync = new();
    private static volatile Worker[] _workers = [];
    private static int _busy;

    /// <summary>Runs body(i) for i in [0, count) in parallel and rethrows the first exception a body threw.</summary>
    public static void Run(int count, Action<int> body)
    {
        if (count <= 1 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            for (int i = 0; i < count; i++)
                body(i);
            return;
        }
        try
        {
            var workers = EnsureWorkers(count - 1);
            for (int i = 1; i < count; i++)
                workers[i - 1].Post(body, i);
            Exception? error = null;
            try
            {
                body(0);
            }
            catch (Exception e)
            {
                error = e;
            }
            for (int i = 1; i < count; i++)
                error ??= workers[i - 1].Join();
            if (error is not null)
                ExceptionDispatchInfo.Throw(error);
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private static Worker[] EnsureWorkers(int count)
    {
        var workers = _workers;
        if (workers.Length >= count)
            return workers;
        lock (Sync)
        {
            workers = _workers;
            if (workers.Length >= count)
                return workers;
            var grown = new Worker[count];
            Array.Copy(workers, grown, workers.Length);
            for (int i = workers.Length; i < count; i++)
                grown[i] = new Worker(i + 1);
            _workers = grown;
            return grown;
        }
    }

    /// <summary>
    /// One background thread that runs posted jobs; it spins for <see cref="SpinMicroseconds"/> after a job, then
    /// sleeps. A job goes Idle → Posted → Running → Idle; whoever moves it from Posted to Running runs it, so the caller
    /// of <see cref="Join"/> runs a job itself when the worker has not started it yet (on a busy machine a sleeping
    /// worker can take milliseconds to be scheduled).
    /// </summary>
    private sealed class Worker
    {
        private const int SpinMicroseconds = 200;
        private const int Idle = 0, Posted = 1, Running = 2;
        private readonly ManualResetEventSlim _wake = new(false, 0);
        private Action<int>? _body;
        private int _index;
        private Exception? _error;
        private int _state;

        public Worker(int id)
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = $"Descent worker {id}" };
            thread.Start();
        }

        public void Post(Action<int> body, int index)
        {
            _body = body;
            _index = index;
            _error = null;
            Volatile.Write(ref _state, Posted);
            _wake.Set();
        }

        /// <summary>Waits for the posted job (running it here if the worker has not claimed it) and returns the
        /// exception it threw, if any.</summary>
        public Exception? Join()
        {
            if (Interlocked.CompareExchange(ref _state, Running, Posted) == Posted)
                Execute();
            var spinner = new SpinWait();
            while (Volatile.Read(ref _state) != Idle)
                spinner.SpinOnce(sleep1Threshold: -1);
            return _error;
        }

        private void Execute()
        {
            try
            {
                _body!(_index);
            }
            catch (Exception e)
            {
                _error = e;
            }
            _body = null;
            Volatile.Write(ref _state, Idle);
        }

        private void Loop()
        {
            long spinTicks = Stopwatch.Frequency * SpinMicroseconds / 1_000_000;
            while (true)
            {
                long start = Stopwatch.GetTimestamp();
                while (Volatile.Read(ref _state) != Posted)
                {
                    if (Stopwatch.GetTimestamp() - start < spinTicks)
                    {
                        Thread.SpinWait(20);
                        continue;
                    }
                    _wake.Wait();
                    _wake.Reset();
                    start = Stopwatch.GetTimestamp();
                }
                if (Interlocked.CompareExchange(ref _state, Running, Posted) == Posted)
                    Execute();
            }
        }
    }
}
