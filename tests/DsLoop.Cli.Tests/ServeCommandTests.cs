using DsLoop.Testing;
using Xunit;

namespace DsLoop.Cli.Tests;

/// <summary>Start-up failures of <c>dsloop serve</c>: one line naming the cause, exit code 1, no stack trace.</summary>
public sealed class ServeCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-serve-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static void AssertCleanFailure(Cli.Result result, string expected)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_folder_that_cannot_be_created_stops_start_up()
    {
        var file = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(file, "");
        var result = await Cli.RunProcessAsync(["serve", "--port", "0", "--data-dir", file]);
        AssertCleanFailure(result, $"Cannot use the data folder '{file}'");
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Corrupt_sqlite_store_stops_start_up()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "dsloop.db"), new string('x', 5000));
        var result = await Cli.RunProcessAsync(["serve", "--port", "0", "--data-dir", _folder]);
        AssertCleanFailure(result, "is corrupt or not a database");
    }

    [Fact]
    public async Task Unreachable_postgres_stops_start_up()
    {
        var port = Ports.Free();
        var result = await Cli.RunProcessAsync(["serve", "--port", "0", "--data-dir", _folder],
            new Dictionary<string, string> { ["DSLOOP_DB"] = $"Host=127.0.0.1;Port={port};Username=x;Database=dsloop;Timeout=3" });
        AssertCleanFailure(result, $"Cannot reach PostgreSQL at 127.0.0.1:{port}/dsloop");
    }

    [Fact]
    public async Task Invalid_content_stops_start_up_listing_the_problems()
    {
        var content = Path.Combine(_folder, "content");
        Directory.CreateDirectory(Path.Combine(content, "frameworks"));
        await File.WriteAllTextAsync(Path.Combine(content, "frameworks", "x.yaml"), "id: x\n");
        var result = await Cli.RunProcessAsync(["serve", "--port", "0", "--data-dir", _folder, "--content", content]);
        AssertCleanFailure(result, "frameworks/x.yaml:1: a framework is missing the required field 'name'.");
    }

    [Fact]
    public async Task Serve_answers_health_checks_and_stops_cleanly()
    {
        var port = Ports.Free();
        var info = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "dsloop.dll"), "serve", "--port", port.ToString(), "--data-dir", _folder, "--content", RepoPaths.Content })
        {
            info.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(info)!;
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal($"DsLoop is running at http://localhost:{port}", firstLine);
            using var http = new HttpClient();
            var health = await http.GetStringAsync($"http://127.0.0.1:{port}/healthz");
            Assert.Contains("\"status\":\"ok\"", health, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_folder, "dsloop.db")));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

}
