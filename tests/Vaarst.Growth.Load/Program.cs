using Vaarst.Growth.Load;

// The load tool behind run-load.sh (see docs/performance.md). Two commands:
//   signin   <base-url> <engineers> <managers> <users.tsv>
//            signs generated people in through development sign-in and writes "role, person id, cookie, paths" lines.
//   circuits <base-url> <users.tsv> <server-pid> <steps, e.g. 200,1000> <report.md>
//            opens Blazor circuits as blazor.web.js does (prerendered GET, /_blazor, StartCircuit, UpdateRootComponents,
//            render batches acknowledged), holds them, and reads the server's memory after each step.
//   openloop <base-url> <users.tsv> <server-pid> <rates, e.g. 15,30,50,100,150> <seconds per rate> <report.md>
//            sends the people's pages at fixed arrival rates (open loop), latency from each request's scheduled time.
// Every request carries X-Forwarded-Proto: https, as the TLS-terminating proxy in front of production does.
return args switch
{
    ["signin", var baseUrl, var engineers, var managers, var output] =>
        await SignIn.RunAsync(new Uri(baseUrl), int.Parse(engineers), int.Parse(managers), output),
    ["openloop", var baseUrl, var users, var pid, var rates, var seconds, var output] =>
        await OpenLoop.RunAsync(new Uri(baseUrl), users, int.Parse(pid), rates.Split(',').Select(int.Parse).ToList(), int.Parse(seconds), output),
    ["circuits", var baseUrl, var users, var pid, var steps, var output] =>
        await CircuitRun.RunAsync(new Uri(baseUrl), users, int.Parse(pid), steps.Split(',').Select(int.Parse).ToList(), output),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: signin <base-url> <engineers> <managers> <users.tsv>");
    Console.Error.WriteLine("       openloop <base-url> <users.tsv> <server-pid> <rates e.g. 15,30,50,100,150> <seconds per rate> <report.md>");
    Console.Error.WriteLine("       circuits <base-url> <users.tsv> <server-pid> <steps e.g. 200,1000> <report.md>");
    return 2;
}
