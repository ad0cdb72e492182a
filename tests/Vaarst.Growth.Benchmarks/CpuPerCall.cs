using System.Runtime.InteropServices;

namespace Vaarst.Growth.Benchmarks;

/// <summary>
/// The read benchmarks measured as CPU time of the calling thread instead of wall-clock time, for a machine that is
/// shared (other builds on the same cores inflate BenchmarkDotNet's means but much less a thread's own CPU time): 500
/// warm-up calls, then the best of 15 batches of 100. Microsoft.Data.Sqlite runs its "async" calls synchronously, so a
/// call stays on the calling thread. docs/performance.md, issue #15 second round.
/// <code>dotnet run -c Release --project tests/Vaarst.Growth.Benchmarks -- cpu</code>
/// </summary>
internal static partial class CpuPerCall
{
    public static async Task RunAsync()
    {
        var benchmarks = new ReadUseCaseBenchmarks { Engineers = 2000 };
        await benchmarks.SetupAsync();
        (string Name, Func<Task> Call)[] reads =
        [
            ("Gap view (use case)", benchmarks.GapView),
            ("Gap view (SQL)", () => Task.FromResult(benchmarks.GapViewSql())),
            ("Review queue (use case)", benchmarks.ReviewQueue),
            ("Review queue (SQL)", () => Task.FromResult(benchmarks.ReviewQueueSql())),
        ];
        Console.WriteLine("| Read, 2,000 engineers | thread CPU per call (best of 15 × 100) | allocated per call |");
        Console.WriteLine("| --- | ---: | ---: |");
        foreach (var (name, call) in reads)
        {
            for (var i = 0; i < 500; i++)
            {
                await call();
            }

            var best = double.MaxValue;
            long allocated = 0;
            for (var batch = 0; batch < 15; batch++)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var start = ThreadCpuNanoseconds();
                for (var i = 0; i < 100; i++)
                {
                    await call();
                }

                best = Math.Min(best, (ThreadCpuNanoseconds() - start) / 100.0);
                allocated = (GC.GetAllocatedBytesForCurrentThread() - bytes) / 100;
            }

            Console.WriteLine($"| {name} | {best / 1e6:F3} ms | {allocated / 1024.0:F1} KB |");
        }
    }

    internal static long ThreadCpuNanoseconds()
    {
        const int clockThreadCpuTimeId = 3; // Linux CLOCK_THREAD_CPUTIME_ID
        return clock_gettime(clockThreadCpuTimeId, out var now) == 0 ? (now.Seconds * 1_000_000_000) + now.Nanoseconds
            : throw new PlatformNotSupportedException("Needs Linux (clock_gettime with CLOCK_THREAD_CPUTIME_ID).");
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clockId, out Timespec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
