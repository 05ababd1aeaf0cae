using System.Diagnostics;
using Xunit;

namespace DsLoop.Testing;

/// <summary>
/// What a test needs from the machine. On a developer machine a missing dependency skips
/// the test with a loud reason; with CI=true it is a failure instead, so CI can't go green
/// by skipping.
/// </summary>
public static class Requirements
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string ChromiumPath = "/usr/bin/chromium";

    public static string PostgresBinDirectory =>
        Environment.GetEnvironmentVariable("DSLOOP_PG_BIN") is { Length: > 0 } custom ? custom : "/usr/lib/postgresql/15/bin";

    public static string? MissingPostgres() =>
        File.Exists(Path.Combine(PostgresBinDirectory, "initdb")) && File.Exists(Path.Combine(PostgresBinDirectory, "pg_ctl"))
            ? null
            : $"PostgreSQL binaries not found in {PostgresBinDirectory} (apt-get install postgresql, or set DSLOOP_PG_BIN)";

    public static string? MissingChromium() =>
        File.Exists(ChromiumPath) ? null : $"Chromium not found at {ChromiumPath} (apt-get install chromium)";

    public static bool CommandSucceeds(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }
            process.WaitForExit(30_000);
            return process.HasExited && process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>
    /// Call at the start of a <c>[SkippableFact]</c>: skips with a loud reason when the dependency
    /// is missing on a developer machine, and fails when it is missing in CI.
    /// </summary>
    public static void Need(string? missing)
    {
        if (missing is null)
        {
            return;
        }
        if (IsCi)
        {
            throw new InvalidOperationException($"CI=true but a test dependency is missing: {missing}.");
        }
        Console.Error.WriteLine($"*** SKIPPING: {missing}. These tests run and must pass in CI. ***");
        Skip.If(true, $"SKIPPED LOUDLY: {missing}");
    }
}
