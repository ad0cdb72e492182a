using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Vaarst.Growth.Load;

/// <summary>
/// Open-loop load (issue #15, item 4): people arrive at a fixed rate whether or not the server keeps up, as real users
/// do. Request i of a step is due at start + i / rate; its latency is counted from that due time, not from when a free
/// connection sent it, so queueing anywhere (client, kernel, Kestrel, thread pool) shows in the figures. A closed loop
/// (wrk with N connections) only measures the rate at which N hammering clients saturate the server.
/// <para>Each request gives up after <see cref="ClientTimeout"/> (the client closes its connection, as a browser tab
/// that is closed or a proxy that times out would). After each step the tool waits until the server's CPU is idle and
/// reports how long that took: a server that keeps working for clients that have gone away drains slowly.</para>
/// </summary>
public static class OpenLoop
{
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(10);

    private sealed record Request(string Path, string Cookie);

    private sealed record Outcome(double LatencyMs, bool Ok, bool TimedOut);

    public static async Task<int> RunAsync(Uri baseUrl, string usersFile, int serverPid, IReadOnlyList<int> rates, int seconds, string output)
    {
        var requests = ReadRequests(usersFile);
        if (requests.Count == 0)
        {
            Console.Error.WriteLine($"{usersFile} names no pages.");
            return 1;
        }

        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            // Open loop: never queue in the client. A real crowd does not share 64 connections.
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            ConnectTimeout = ClientTimeout,
        })
        {
            BaseAddress = baseUrl,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { { Http.ForwardedProto, "https" } },
        };

        Console.WriteLine($"Open loop: {requests.Count} (page, person) pairs; warm-up 10 s at {rates[0]} req/s");
        await RunStepAsync(client, requests, rates[0], 10, serverPid);
        await WaitForIdleAsync(serverPid);

        var report = new StringBuilder();
        report.AppendLine("| Arrival rate | Sent | Answered 200 | Achieved | p50 | p95 | p99 | max | Errors (timeouts at 10 s) | Server CPU per request | Server CPU busy | Server idle after the step | Load average before → after |");
        report.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var rate in rates)
        {
            var loadBefore = LoadAverage();
            var cpuBefore = CpuSeconds(serverPid);
            var clock = Stopwatch.StartNew();
            var outcomes = await RunStepAsync(client, requests, rate, seconds, serverPid);
            var answeredAt = clock.Elapsed;
            var idleAfter = await WaitForIdleAsync(serverPid);
            var cpu = CpuSeconds(serverPid) - cpuBefore;
            var ok = outcomes.Where(o => o.Ok).Select(o => o.LatencyMs).Order().ToList();
            var all = outcomes.Select(o => o.LatencyMs).Order().ToList();
            var errors = outcomes.Count(o => !o.Ok);
            var timeouts = outcomes.Count(o => o.TimedOut);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"| {rate} req/s | {outcomes.Count} | {ok.Count} | {ok.Count / (double)seconds:0.0} req/s | {Ms(Percentile(all, 50))} | {Ms(Percentile(all, 95))} | {Ms(Percentile(all, 99))} | {Ms(all.LastOrDefault())} | {errors} ({timeouts}) | {cpu * 1000 / Math.Max(1, ok.Count):0.0} ms | {cpu / answeredAt.TotalSeconds / Environment.ProcessorCount * 100:0} % of {Environment.ProcessorCount} cores | {idleAfter.TotalSeconds:0.0} s | {loadBefore} → {LoadAverage()} |");
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        report.AppendLine();
        report.AppendLine($"Latency is counted from each request's scheduled time; percentiles include failed requests at the time they failed (timeouts at {ClientTimeout.TotalSeconds:0} s). " +
            "Server CPU is the app process's user + system time over the step and its drain, divided by the requests answered 200.");
        await File.WriteAllTextAsync(output, report.ToString());
        return 0;
    }

    /// <summary>Sends <paramref name="rate"/> requests a second for <paramref name="seconds"/> seconds, each at its
    /// scheduled time, cycling through the (page, person) pairs; waits for all of them to answer or time out.</summary>
    private static async Task<List<Outcome>> RunStepAsync(HttpClient client, IReadOnlyList<Request> requests, int rate, int seconds, int serverPid)
    {
        var total = rate * seconds;
        var inFlight = new List<Task<Outcome>>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            inFlight.Add(SendAsync(client, requests[i % requests.Count], clock, due));
        }

        return [.. await Task.WhenAll(inFlight)];
    }

    private static async Task<Outcome> SendAsync(HttpClient client, Request request, Stopwatch clock, TimeSpan due)
    {
        using var timeout = new CancellationTokenSource(ClientTimeout - (clock.Elapsed - due));
        try
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, request.Path);
            message.Headers.Add("Cookie", request.Cookie);
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token);
            return new Outcome((clock.Elapsed - due).TotalMilliseconds, response.StatusCode == HttpStatusCode.OK, false);
        }
        catch (OperationCanceledException)
        {
            return new Outcome((clock.Elapsed - due).TotalMilliseconds, false, true);
        }
        catch (HttpRequestException)
        {
            return new Outcome((clock.Elapsed - due).TotalMilliseconds, false, false);
        }
    }

    /// <summary>Waits until the server spends less than 5 % of one core for a whole second (at most two minutes); returns how long that took.</summary>
    private static async Task<TimeSpan> WaitForIdleAsync(int serverPid)
    {
        var clock = Stopwatch.StartNew();
        var last = CpuSeconds(serverPid);
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = CpuSeconds(serverPid);
            if (now - last < 0.05)
            {
                return clock.Elapsed - TimeSpan.FromSeconds(1);
            }

            last = now;
        }

        return clock.Elapsed;
    }

    /// <summary>User + system CPU seconds of a process (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static double Percentile(List<double> sorted, int percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];

    private static string Ms(double ms) => ms >= 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.00} s")
        : string.Create(CultureInfo.InvariantCulture, $"{ms:0} ms");

    /// <summary>The (page, person) pairs of users.tsv ("role, person id, cookie, paths"), interleaved so that every
    /// stretch of the sequence has the mix of roles and pages, not one person's pages in a row.</summary>
    private static List<Request> ReadRequests(string usersFile)
    {
        var perPerson = File.ReadLines(usersFile)
            .Select(line => line.Split('\t'))
            .Where(f => f.Length == 4)
            .Select(f => f[3].Split(',').Select(path => new Request(path, f[2])).ToList())
            .ToList();
        var result = new List<Request>();
        for (var round = 0; perPerson.Any(p => round < p.Count); round++)
        {
            result.AddRange(perPerson.Where(p => round < p.Count).Select(p => p[round]));
        }

        return result;
    }
}
