using BenchmarkDotNet.Running;
using DsLoop.Bench;

// dotnet run -c Release --project bench/DsLoop.Bench -- --filter '*'
// dotnet run -c Release --project bench/DsLoop.Bench -- judge-memory
// dotnet run -c Release --project bench/DsLoop.Bench -- grading-overhead DATASET.sqlite content/sql
// dotnet run -c Release --project bench/DsLoop.Bench -- sql-submit content [standard] [runs]
// dotnet run -c Release --project bench/DsLoop.Bench -- case-timing [RUNS] [FOLDER] [experiment|modeling|kpi-drop]
if (args is ["case-timing", ..])
{
    return await CaseTiming.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20,
        args.Length > 2 ? args[2] : null, args.Length > 3 ? args[3] : null);
}
if (args is ["judge-memory"])
{
    return JudgeMemory.Run();
}
if (args is ["grading-overhead", var dataset, var bank])
{
    return await GradingOverhead.RunAsync(dataset, bank);
}
if (args is ["sql-submit", var content, .. var rest])
{
    return await SqlSubmitRoundTrip.RunAsync(content, rest.Length > 0 ? rest[0] : "standard", rest.Length > 1 ? int.Parse(rest[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
}
BenchmarkSwitcher.FromAssembly(typeof(GradingOverhead).Assembly).Run(args);
return 0;
