using BenchmarkDotNet.Running;
using DsLoop.Bench;

// dotnet run -c Release --project bench/DsLoop.Bench -- --filter '*'
// dotnet run -c Release --project bench/DsLoop.Bench -- grading-overhead DATASET.sqlite content/sql
if (args is ["grading-overhead", var dataset, var bank])
{
    return await GradingOverhead.RunAsync(dataset, bank);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
