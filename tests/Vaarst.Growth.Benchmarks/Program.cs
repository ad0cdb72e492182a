using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Vaarst.Growth.Benchmarks -- --filter '*'
// Results go to BenchmarkDotNet.Artifacts/; the figures we track are in docs/performance.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
