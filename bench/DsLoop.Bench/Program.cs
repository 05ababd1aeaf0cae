using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/DsLoop.Bench -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
