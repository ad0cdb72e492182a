using System.Diagnostics;
using System.Text;

namespace Vaarst.Growth.Load;

/// <summary>
/// Opens circuits in steps (e.g. 200, then up to 1,000), holds them all connected, and reads the server's memory at
/// rest before the first and after each step. Circuit i belongs to signed-in user i mod users and shows one of that
/// user's pages, so every page of the mix is held by many circuits.
/// </summary>
public static class CircuitRun
{
    private const int OpenInParallel = 16;

    public static async Task<int> RunAsync(Uri baseUrl, string usersFile, int pid, IReadOnlyList<int> steps, string output)
    {
        var users = File.ReadAllLines(usersFile).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        var settle = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("LOAD_SETTLE_SECONDS") ?? "15"));
        using var client = Http.Create(baseUrl);
        var circuits = new List<BlazorCircuit>();
        var rows = new List<string>();
        var failures = new List<string>();

        Console.WriteLine("Settling the server before opening circuits...");
        var baseline = await ServerMemory.SettleAndReadAsync(pid, settle);
        rows.Add(Row(0, 0, baseline, baseline, null, null));
        Console.WriteLine(rows[^1]);

        foreach (var target in steps)
        {
            var stopwatch = Stopwatch.StartNew();
            var opened = new List<BlazorCircuit>();
            await Parallel.ForEachAsync(Enumerable.Range(circuits.Count, target - circuits.Count),
                new ParallelOptions { MaxDegreeOfParallelism = OpenInParallel }, async (i, ct) =>
                {
                    var user = users[i % users.Count];
                    var paths = user[3].Split(',');
                    var path = paths[i / users.Count % paths.Length];
                    var circuit = new BlazorCircuit();
                    try
                    {
                        await circuit.StartAsync(client, baseUrl, user[2], path, ct);
                        lock (opened)
                        {
                            opened.Add(circuit);
                        }
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException or IOException or TaskCanceledException)
                    {
                        lock (failures)
                        {
                            failures.Add($"circuit {i} ({user[0]} {user[1]} {path}): {ex.Message}");
                        }

                        await circuit.DisposeAsync();
                    }
                });
            circuits.AddRange(opened);
            var openSeconds = stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine($"{circuits.Count} circuits started ({failures.Count} failed) in {openSeconds:0.0} s; settling...");
            // The forced full GC suspends the server (for tens of seconds with a large heap on a busy machine), and a
            // client whose pings go unread for ClientTimeoutInterval (30 s) is dropped: count the circuits connected
            // when the GC starts, since that GC's heap is what the reading reports.
            var stillOpen = 0;
            var reading = await ServerMemory.SettleAndReadAsync(pid, settle, () => stillOpen = circuits.Count(c => c.Error is null));
            var afterReading = circuits.Count(c => c.Error is null);
            if (afterReading < stillOpen)
            {
                Console.WriteLine($"  {stillOpen - afterReading} circuits lost their connection during the forced GC.");
            }

            var firstRender = circuits.Select(c => c.TimeToFirstRender.TotalMilliseconds).Order().ToList();
            rows.Add(Row(target, stillOpen, reading, baseline, firstRender, openSeconds));
            Console.WriteLine(rows[^1]);
        }

        var report = new StringBuilder();
        report.AppendLine("| Circuits asked | Connected when the GC started | Working set (VmRSS) | GC heap after full GC | Working set per circuit | GC heap per circuit | First render p50 / p95 | Opened in |");
        report.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.ForEach(r => report.AppendLine(r));
        report.AppendLine();
        report.AppendLine($"Render batches received and acknowledged: {circuits.Sum(c => c.RenderBatches):N0} " +
            $"({circuits.Sum(c => c.RenderBytes) / 1024.0 / 1024.0:0.0} MB); circuits that failed to start: {failures.Count}; " +
            $"circuits that lost their connection or reported an error: {circuits.Count(c => c.Error is not null)}.");
        report.AppendLine();
        report.AppendLine("JS interop calls the server made (identifier, result type, call type: count):");
        report.AppendLine();
        foreach (var (call, count) in BlazorCircuit.JsCalls.OrderByDescending(c => c.Value))
        {
            report.AppendLine($"- `{call}`: {count:N0}");
        }

        foreach (var failure in failures.Take(10))
        {
            report.AppendLine($"- failure: {failure}");
        }

        foreach (var error in circuits.Where(c => c.Error is not null).Select(c => c.Error).Distinct().Take(10))
        {
            report.AppendLine($"- circuit error: {error}");
        }

        await File.WriteAllTextAsync(output, report.ToString());
        Console.WriteLine(report);
        Console.WriteLine("Closing circuits...");
        await Parallel.ForEachAsync(circuits, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) => await c.DisposeAsync());
        return failures.Count == 0 && circuits.All(c => c.Error is null) ? 0 : 1;
    }

    private static string Row(int target, int open, ServerMemory.Reading reading, ServerMemory.Reading baseline, List<double>? firstRender, double? openSeconds)
    {
        string PerCircuit(double? now, double? before) =>
            open == 0 || now is null || before is null ? "" : $"{(now.Value - before.Value) / open:0.00} MB";
        string Mb(double? value) => value is null ? "n/a" : $"{value:0} MB";
        var render = firstRender is { Count: > 0 }
            ? $"{Percentile(firstRender, 0.50):0} / {Percentile(firstRender, 0.95):0} ms"
            : "";
        var opened = openSeconds is null ? "" : $"{openSeconds:0.0} s";
        return $"| {target:N0} | {open:N0} | {Mb(reading.WorkingSetMb)} | {Mb(reading.GcHeapMb)} | {PerCircuit(reading.WorkingSetMb, baseline.WorkingSetMb)} | " +
            $"{PerCircuit(reading.GcHeapMb, baseline.GcHeapMb)} | {render} | {opened} |";
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
