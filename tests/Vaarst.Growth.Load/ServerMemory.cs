using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Vaarst.Growth.Load;

/// <summary>The app's memory as the operating system and the GC see it.</summary>
public static partial class ServerMemory
{
    public sealed record Reading(double WorkingSetMb, double? GcHeapMb);

    /// <summary>
    /// Settles the server, then reads it: waits, forces a full blocking GC by taking a GC heap dump (dotnet-gcdump),
    /// reads the size of the heap that GC left (dotnet-counters: dotnet.gc.last_collection.heap.size minus
    /// fragmentation, summed over generations) and the working set (VmRSS) from /proc.
    /// </summary>
    public static async Task<Reading> SettleAndReadAsync(int pid, TimeSpan settle, Action? beforeGc = null)
    {
        await Task.Delay(settle);
        beforeGc?.Invoke();
        var walked = await GcDumpHeapMbAsync(pid);
        var heap = await LastCollectionLiveHeapMbAsync(pid);
        Console.WriteLine($"  after a full GC: live heap {heap:0.0} MB (dotnet-counters), {walked:0.0} MB walked by dotnet-gcdump");
        return new Reading(WorkingSetMb(pid), heap);
    }

    private static async Task<double?> LastCollectionLiveHeapMbAsync(int pid)
    {
        var file = Path.Combine(Path.GetTempPath(), $"vaarst-load-{pid}-{Environment.TickCount64}.csv");
        try
        {
            var collect = await RunAsync("dotnet", $"tool run dotnet-counters collect -p {pid} --counters System.Runtime --format csv --refresh-interval 1 --duration 00:00:03 -o {file}");
            if (collect.ExitCode != 0 || !File.Exists(file))
            {
                Console.Error.WriteLine("dotnet-counters collect failed: " + collect.Output);
                return null;
            }

            // Lines: time,provider,"name (By)[gc.heap.generation=gen2]",Metric,value. Keep the last value of each series.
            var last = new Dictionary<string, double>();
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var parts = line.Split(',');
                if (parts.Length >= 5 && parts[2].StartsWith("dotnet.gc.last_collection.heap.", StringComparison.Ordinal))
                {
                    last[parts[2]] = double.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            var size = last.Where(kv => kv.Key.StartsWith("dotnet.gc.last_collection.heap.size", StringComparison.Ordinal)).Sum(kv => kv.Value);
            var fragmentation = last.Where(kv => kv.Key.StartsWith("dotnet.gc.last_collection.heap.fragmentation.size", StringComparison.Ordinal)).Sum(kv => kv.Value);
            return size == 0 ? null : (size - fragmentation) / 1024.0 / 1024.0;
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static double WorkingSetMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(DigitsPattern().Match(line).Value) / 1024.0;
    }

    /// <summary>Forces a full GC by walking the heap with the local tool dotnet-gcdump; returns the heap it walked (it may
    /// under-count large heaps: on .NET 10 its event buffering is lossy).</summary>
    private static async Task<double?> GcDumpHeapMbAsync(int pid)
    {
        var file = Path.Combine(Path.GetTempPath(), $"vaarst-load-{pid}-{Environment.TickCount64}.gcdump");
        try
        {
            var collect = await RunAsync("dotnet", $"tool run dotnet-gcdump collect -p {pid} -o {file}");
            if (collect.ExitCode != 0 || !File.Exists(file))
            {
                Console.Error.WriteLine("dotnet-gcdump collect failed: " + collect.Output);
                return null;
            }

            // The report's first data line is the heap total: "<bytes>  GC Heap bytes".
            var report = await RunAsync("dotnet", $"tool run dotnet-gcdump report {file}");
            var total = HeapBytesPattern().Match(report.Output);
            return total.Success ? long.Parse(total.Groups[1].Value.Replace(",", "")) / 1024.0 / 1024.0 : null;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitsPattern();

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytesPattern();
}
