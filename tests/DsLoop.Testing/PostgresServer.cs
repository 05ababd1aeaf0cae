using System.Diagnostics;
using Npgsql;

namespace DsLoop.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster made with the installed initdb and pg_ctl in a temp folder,
/// listening on a free loopback port, and removed on dispose. Because initdb and postgres refuse
/// to run as root, the cluster runs as the 'postgres' user when the tests run as root.
/// Use it as an xunit class or collection fixture.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _root;
    private readonly string _dataDirectory;
    private int _databaseCounter;

    private readonly Lazy<int> _started;

    public PostgresServer()
    {
        _root = Directory.CreateTempSubdirectory("dsloop-pg-").FullName;
        _dataDirectory = Path.Combine(_root, "data");
        _started = new Lazy<int>(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The loopback port; starts the cluster on first use.</summary>
    public int Port => _started.Value;

    /// <summary>A superuser connection string to the 'postgres' database; starts the cluster on first use.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=30";

    private int Start()
    {
        Requirements.Need(Requirements.MissingPostgres());
        var port = Ports.Free();
        if (RunningAsRoot)
        {
            Run("chown", $"postgres:postgres {_root}");
        }
        RunAsClusterOwner("initdb", $"-D {_dataDirectory} -U postgres -A trust -E UTF8 --no-sync --locale=C.UTF-8");
        RunAsClusterOwner("pg_ctl",
            $"-D {_dataDirectory} -l {Path.Combine(_root, "server.log")} -w -t 60 " +
            $"-o \"-p {port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off\" start");
        return port;
    }

    /// <summary>Creates an empty database and returns a connection string to it, so tests don't share state.</summary>
    public string CreateDatabase(string prefix = "t")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databaseCounter)}_{Environment.ProcessId}";
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        command.ExecuteNonQuery();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Timeout=30";
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (!_started.IsValueCreated)
        {
            TryDelete();
            return;
        }
        try
        {
            RunAsClusterOwner("pg_ctl", $"-D {_dataDirectory} -m immediate -w stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the folder is removed below either way.
        }
        TryDelete();
    }

    private void TryDelete()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static bool RunningAsRoot => Environment.UserName == "root";

    private static void RunAsClusterOwner(string tool, string arguments)
    {
        var path = Path.Combine(Requirements.PostgresBinDirectory, tool);
        if (RunningAsRoot)
        {
            Run("runuser", $"-u postgres -- {path} {arguments}");
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, string arguments)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {arguments} timed out.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited {process.ExitCode}: {stderr.Result}{stdout.Result}");
        }
    }

}
