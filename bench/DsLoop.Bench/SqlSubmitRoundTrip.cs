using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DsLoop.Content;
using DsLoop.Data;
using DsLoop.Store;
using DsLoop.Web.App;

namespace DsLoop.Bench;

/// <summary>
/// The SQL page's Submit round trip over HTTP, for every reference query of the bank, against the raw execution
/// time of the same query in the sqlite3 shell on the same dataset file, measured problem by problem in one run.
/// A round trip is what the browser does: POST the form (grade and store the attempt), then GET the verdict page.
/// One submission of every problem first is a warm-up (it generates the dataset and caches each reference result).
/// <c>dotnet run -c Release --project bench/DsLoop.Bench -- sql-submit content [standard] [runs]</c>
/// </summary>
internal static partial class SqlSubmitRoundTrip
{
    private const ulong Seed = 7;

    public static async Task<int> RunAsync(string contentFolder, string scaleName, int runs)
    {
        var loaded = ContentLoader.Load(contentFolder);
        if (loaded.Bank is not { SqlProblems: var problems } || DataScale.Preset(scaleName) is not { } scale)
        {
            await Console.Error.WriteLineAsync(loaded.IsValid ? $"unknown scale '{scaleName}'" : string.Join("\n", loaded.Errors));
            return 1;
        }
        var data = Directory.CreateTempSubdirectory("dsloop-bench-submit-").FullName;
        var options = new DsLoopOptions
        {
            Urls = ["http://127.0.0.1:0"],
            Store = new StoreSettings(data, null),
            ContentDirectory = contentFolder,
            SqlScale = scale,
        };
        var app = await DsLoopApp.BuildAsync(options);
        await app.StartAsync();
        try
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
            {
                BaseAddress = new Uri(app.ListeningAddresses()[0]),
            };
            var dataset = Path.Combine(data, "datasets", $"{scale.Name}-{Seed}.sqlite");
            var roundTrips = new List<double>();
            var raws = new List<double>();
            var met = 0;
            // Warm-up: every problem once (generates the dataset, caches each reference result, compiles the code paths).
            foreach (var problem in problems)
            {
                await SubmitAsync(client, problem.Id, problem.ReferenceFor("sqlite"));
            }
            Console.WriteLine($"{"problem",-46} {"raw p50",9} {"trip p50",9} {"trip p95",9} {"limit",9}");
            foreach (var problem in problems.OrderBy(p => p.Id, StringComparer.Ordinal))
            {
                var sql = problem.ReferenceFor("sqlite");
                var raw = SqliteShellTimes(dataset, sql, runs);
                var trips = new List<double>();
                for (var i = 0; i < runs; i++)
                {
                    trips.Add(await SubmitAsync(client, problem.Id, sql));
                }
                var rawMedian = Percentile(raw, 0.5);
                var limit = (1.5 * rawMedian) + 20;
                var p95 = Percentile(trips, 0.95);
                met += p95 <= limit ? 1 : 0;
                roundTrips.AddRange(trips);
                raws.AddRange(raw);
                Console.WriteLine($"{problem.Id,-46} {rawMedian,9:F1} {Percentile(trips, 0.5),9:F1} {p95,9:F1} {limit,9:F1}{(p95 <= limit ? "" : "  over")}");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{problems.Count} problems × {runs} submits on {scale.Name} seed {Seed}: round trip p50 {Percentile(roundTrips, 0.5):F1} ms, p95 {Percentile(roundTrips, 0.95):F1} ms; " +
                $"sqlite3 raw p50 {Percentile(raws, 0.5):F1} ms, p95 {Percentile(raws, 0.95):F1} ms; " +
                $"problems within 1.5 × raw + 20 ms at p95: {met} of {problems.Count}"));
            return 0;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>One Submit as a browser does it: GET the form for its token, then time POST + GET of the verdict page.</summary>
    private static async Task<double> SubmitAsync(HttpClient client, string id, string sql)
    {
        var page = await client.GetStringAsync($"/sql/{id}?seed={Seed}");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Sql"] = sql,
            ["Seed"] = Seed.ToString(CultureInfo.InvariantCulture),
            ["__RequestVerificationToken"] = token,
        });
        var watch = Stopwatch.StartNew();
        using var posted = await client.PostAsync($"/sql/{id}?handler=Submit", form);
        if (posted.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{id}: Submit gave {posted.StatusCode}");
        }
        var verdict = await client.GetStringAsync(posted.Headers.Location!.OriginalString);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (!verdict.Contains("<h2>Correct</h2>", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{id}: the reference was not graded correct");
        }
        return elapsed;
    }

    /// <summary>The sqlite3 shell's own "Run Time: real" for <paramref name="runs"/> executions of the query, rows sent to /dev/null.</summary>
    private static List<double> SqliteShellTimes(string dataset, string sql, int runs)
    {
        var script = new StringBuilder(".timer on\n.output /dev/null\n");
        for (var i = 0; i < runs; i++)
        {
            script.Append(sql.TrimEnd().TrimEnd(';')).Append(";\n");
        }
        var start = new ProcessStartInfo("sqlite3", ["-readonly", dataset]) { RedirectStandardInput = true, RedirectStandardOutput = true };
        using var shell = Process.Start(start)!;
        shell.StandardInput.Write(script.ToString());
        shell.StandardInput.Close();
        var output = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();
        var times = RunTime().Matches(output).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 1000).ToList();
        return times.Count == runs ? times : throw new InvalidOperationException($"sqlite3 printed {times.Count} timings for {runs} runs:\n{output}");
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"Run Time: real ([0-9.]+)")]
    private static partial Regex RunTime();
}
