using BenchmarkDotNet.Running;
using Vaarst.Growth.Benchmarks;

// dotnet run -c Release --project tests/Vaarst.Growth.Benchmarks -- --filter '*'
// dotnet run -c Release --project tests/Vaarst.Growth.Benchmarks -- cpu     (thread CPU per read, for a shared machine)
// dotnet run -c Release --project tests/Vaarst.Growth.Benchmarks -- import-profile   (where a first import's time goes)
// Results go to BenchmarkDotNet.Artifacts/; the figures we track are in docs/performance.md.
if (args is ["import-profile"])
{
    await ImportProfile.RunAsync();
    return;
}

if (args is ["cpu"])
{
    await CpuPerCall.RunAsync();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
