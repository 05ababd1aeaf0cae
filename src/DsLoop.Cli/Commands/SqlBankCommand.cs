using System.CommandLine;
using System.Globalization;
using DsLoop.Content;
using DsLoop.Content.Sql;
using DsLoop.Data;
using DsLoop.Data.Output;
using DsLoop.Sql;
using DsLoop.Sql.Bank;
using Npgsql;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop sql check-bank</c>: proves every SQL problem on fresh datasets, on SQLite and optionally PostgreSQL.</summary>
internal static class SqlBankCommand
{
    public static Command Build(CliConsole console)
    {
        var path = new Argument<string?>("path") { Description = "Folder of problem files (default: ./content/sql, else the shipped bank).", Arity = ArgumentArity.ZeroOrOne };
        var seeds = new Option<string>("--seeds") { Description = "Comma-separated dataset seeds.", DefaultValueFactory = _ => "1,2,3" };
        var only = new Option<string?>("--only") { Description = "Check only problems whose id starts with this." };
        var postgres = new Option<string?>("--postgres") { Description = "Admin connection string of a PostgreSQL database to check on as well (it gets one schema per seed and a reader role)." };
        var dataDir = new Option<string?>("--data-dir") { Description = "Folder holding the dataset cache (default ./.dsloop, or DSLOOP_DATA_DIR)." };
        var mutants = new Option<bool>("--mutants") { Description = "Also run mutants of every reference (boundaries, joins, filters, DISTINCT, aggregates, dates, NULLs) and fail on any the data cannot kill that is not declared equivalent." };
        var verbose = new Option<bool>("--verbose") { Description = "With --mutants: list every mutant with its fate and the grader's reason." };
        var command = new Command("check-bank", "Check every SQL problem: the reference runs and passes, results are not trivially small, and every trap query is graded wrong.")
        {
            path, seeds, only, postgres, dataDir, mutants, verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = ContentCommand.ResolveFolder(parse.GetValue(path), ContentLoader.SqlFolder);
            var loaded = ContentLoader.LoadSqlProblems(folder);
            foreach (var error in loaded.Errors)
            {
                await console.Error.WriteLineAsync(ContentCommand.Describe(folder, error));
            }
            if (loaded.Bank is not { SqlProblems: var problems })
            {
                return DsLoopCli.Failed;
            }
            var prefix = parse.GetValue(only);
            var selected = problems.Where(p => prefix is null || p.Id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var seedList = parse.GetValue(seeds)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => ulong.TryParse(s, CultureInfo.InvariantCulture, out var v) ? v : throw new CliException($"--seeds: '{s}' is not a number.", DsLoopCli.Usage)).ToList();
            var failures = new List<string>();
            var cache = SeededDatasets.OpenCache(parse.GetValue(dataDir));
            var leases = new List<DatasetCache.DatasetLease>();
            var sandboxes = new List<(ulong Seed, ISqlSandbox Sandbox)>();
            try
            {
                foreach (var seed in seedList)
                {
                    var lease = await SeededDatasets.LeaseAsync(cache, seed, DataScale.Tiny, null, cancellationToken);
                    leases.Add(lease);
                    sandboxes.Add((seed, new SqliteSandbox(lease.Path)));
                    if (parse.GetValue(postgres) is { } admin)
                    {
                        sandboxes.Add((seed, await PostgresDatasetAsync(admin, seed, DataScale.Tiny, cancellationToken)));
                    }
                }
                foreach (var (seed, sandbox) in sandboxes)
                {
                    foreach (var problem in selected)
                    {
                        failures.AddRange(await SqlBankChecker.CheckAsync(problem.ForEngine(sandbox.Engine), sandbox, $"seed {seed}", cancellationToken));
                    }
                }
                if (parse.GetValue(mutants))
                {
                    failures.AddRange(await SqlMutantsReport.RunAsync(console, selected, [.. sandboxes.Select(s => s.Sandbox)], parse.GetValue(verbose), cancellationToken));
                }
            }
            finally
            {
                foreach (var sandbox in sandboxes.Select(s => s.Sandbox).OfType<IAsyncDisposable>())
                {
                    await sandbox.DisposeAsync();
                }
                leases.ForEach(l => l.Dispose());
            }
            foreach (var failure in failures)
            {
                await console.Error.WriteLineAsync(failure);
            }
            var summary = $"{selected.Count} problem(s) ({selected.Count(p => p.Difficulty == Difficulty.Easy)} easy, {selected.Count(p => p.Difficulty == Difficulty.Medium)} medium, "
                + $"{selected.Count(p => p.Difficulty == Difficulty.Hard)} hard), {selected.Sum(p => p.Traps.Count)} trap(s), seeds {string.Join(", ", seedList)}"
                + (parse.GetValue(postgres) is null ? ", SQLite" : ", SQLite and PostgreSQL");
            await (failures.Count == 0 ? console.Out : console.Error).WriteLineAsync(failures.Count == 0 ? $"All sound: {summary}." : $"{failures.Count} failure(s): {summary}.");
            return failures.Count == 0 ? DsLoopCli.Ok : DsLoopCli.Failed;
        });
        return command;
    }

    /// <summary>
    /// Loads a seed's dataset into its own schema (once per generator version: the schema name carries
    /// <see cref="DatasetGenerator.CacheTag"/>, so a changed generator never grades on stale data) and returns a sandbox
    /// reading it as a reader role.
    /// </summary>
    internal static async Task<ISqlSandbox> PostgresDatasetAsync(string adminConnectionString, ulong seed, DataScale scale, CancellationToken cancellationToken)
    {
        var schema = string.Create(CultureInfo.InvariantCulture, $"bank_{DatasetGenerator.CacheTag}_{scale.Name}_{seed}");
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync(cancellationToken);
            await using (var exists = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'users'", admin)
            {
                Parameters = { new() { Value = schema } },
            })
            {
                if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! == 0)
                {
                    using var writer = new PostgresDatasetWriter(adminConnectionString, schema);
                    new DatasetGenerator(new GenerationOptions(seed, scale)).Generate(writer, null, cancellationToken);
                    writer.Complete();
                }
            }
            await PostgresSandboxProvisioner.SecureDatabaseAsync(admin, cancellationToken);
            await PostgresSandboxProvisioner.CreateReaderAsync(admin, schema, $"{schema}_reader", cancellationToken: cancellationToken);
        }
        var reader = new NpgsqlConnectionStringBuilder(adminConnectionString) { Username = $"{schema}_reader", Password = null, Pooling = false };
        return new PostgresSandbox(reader.ConnectionString, schema);
    }
}
