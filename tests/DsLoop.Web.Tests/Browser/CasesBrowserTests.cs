using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DsLoop.Cases;
using DsLoop.Cases.Experiment;
using DsLoop.Cases.KpiDrop;
using DsLoop.Cases.Modeling;
using DsLoop.Stats.Modeling;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace DsLoop.Web.Tests.Browser;

/// <summary>One full pass of each case in Chromium: start, read the brief, download, answer, read the graded result.</summary>
public sealed class CasesBrowserTests
{
    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static async Task<CaseId> StartAsync(IPage page, string kind, string? deadlineHours = null, string? scale = null)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Cases" }).ClickAsync();
        await page.Locator($"input[value={kind}]").CheckAsync();
        if (scale is not null)
        {
            await page.Locator("[name=Scale]").SelectOptionAsync(scale);
        }
        if (deadlineHours is not null)
        {
            await page.Locator("[name=DeadlineHours]").FillAsync(deadlineHours);
        }
        await page.Locator("#start-case button").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/cases/[0-9a-f]+$"));
        var title = await page.Locator("#brief h1").TextContentAsync();
        return CaseId.TryParse(Regex.Match(title!, @"(experiment|modeling|kpi-drop)-\d+").Value)!;
    }

    [SkippableFact]
    public async Task Experiment_case_is_answered_without_javascript_and_every_part_is_right()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress, javaScript: false);
        await browser.RunAsync(nameof(Experiment_case_is_answered_without_javascript_and_every_part_is_right), async page =>
        {
            var id = await StartAsync(page, "experiment");
            var kase = new ExperimentCase(id);
            var r = kase.Readout;
            await Expect(page.Locator("#result")).ToHaveCountAsync(0);
            await Expect(page.Locator("#brief")).Not.ToContainTextAsync(ExperimentAnswer.Slug(r.Decision) == "investigate" ? "investigate because" : "planted");

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "users.csv" }).ClickAsync());
            Assert.Equal(Encoding.UTF8.GetString(kase.Files()[0].Content), await File.ReadAllTextAsync((await download.PathAsync())!));

            var (lo, hi) = DesignGrader.AcceptedRange(kase.Design);
            await page.Locator("[name='Experiment.SamplePerArm']").FillAsync(((lo + hi) / 2).ToString(CultureInfo.InvariantCulture));
            await page.Locator("[name='Experiment.DurationDays']").FillAsync(DesignGrader.AcceptedDays(kase.Design).Low.ToString(CultureInfo.InvariantCulture));
            await page.Locator("input[value=latency_ms]").CheckAsync();
            await page.Locator("input[value=support_tickets]").CheckAsync();
            await page.Locator("[name='Experiment.Unit']").SelectOptionAsync("user");
            await page.Locator("[name='Experiment.SrmMismatch']").SelectOptionAsync(r.Srm.IsMismatch() ? "yes" : "no");
            await page.Locator("[name='Experiment.SrmP']").FillAsync(F(r.Srm.PValue));
            foreach (var (field, value) in new[] { ("AbsEstimate", r.Absolute.Estimate), ("AbsLow", r.Absolute.Low), ("AbsHigh", r.Absolute.High), ("RelEstimate", r.Relative.Estimate), ("RelLow", r.Relative.Low), ("RelHigh", r.Relative.High) })
            {
                await page.Locator($"[name='Experiment.{field}']").FillAsync(F(value));
            }
            await page.Locator("[name='Experiment.Latency']").SelectOptionAsync(r.Guardrails[0].Verdict.ToString().ToLowerInvariant());
            await page.Locator("[name='Experiment.Tickets']").SelectOptionAsync(r.Guardrails[1].Verdict.ToString().ToLowerInvariant());
            await page.Locator("[name='Experiment.Decision']").SelectOptionAsync(ExperimentAnswer.Slug(r.Decision));
            await page.Locator("[name='Experiment.Rationale']").FillAsync("Read it out the way the engine does.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit for grading" }).ClickAsync();

            await Expect(page.Locator("#result h2")).ToContainTextAsync("Result: 100%");
            await Expect(page.Locator("#reference")).ToContainTextAsync("Decision: " + ExperimentAnswer.Slug(r.Decision));
            await Expect(page.Locator("#answer-form")).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Link, new() { Name = "← All cases" }).ClickAsync();
            await Expect(page.Locator("#my-cases")).ToContainTextAsync(id.ToString());
            await Expect(page.Locator("#my-cases")).ToContainTextAsync("100%");
        });
    }

    [SkippableFact]
    public async Task Modeling_case_refuses_an_invalid_upload_then_grades_an_honest_model_with_a_reliability_chart()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        await browser.RunAsync(nameof(Modeling_case_refuses_an_invalid_upload_then_grades_an_honest_model_with_a_reliability_chart), async page =>
        {
            var id = await StartAsync(page, "modeling", deadlineHours: "48");
            await Expect(page.Locator("#case-clock")).ToContainTextAsync("Take-home deadline");
            var kase = new ModelingCase(id);
            var data = kase.Data;

            var bad = new StringBuilder("id,probability\n").Append(data.Holdout[0].Id).Append(",1.7\n").ToString();
            await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "predictions.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(bad) });
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit for grading" }).ClickAsync();
            await Expect(page.Locator("#case-error")).ToContainTextAsync("Line 2: probability 1.7 is outside [0, 1]");
            await Expect(page.Locator("#result")).ToHaveCountAsync(0);
            // The refused upload answers 400, which the browser logs; nothing else may fail.
            Assert.All(browser.ConsoleErrors, e => Assert.Contains("400", e, StringComparison.Ordinal));
            browser.ConsoleErrors.Clear();

            static double[] X(ModelingRow r) => [.. r.Features.Select(v => Math.Log(1 + v))];
            var fit = LogisticRegression.Fit([.. data.Train.Select(X)], [.. data.Train.Select(r => r.Label)], l2: 1.0);
            var csv = new StringBuilder("id,probability\n");
            foreach (var row in data.Holdout)
            {
                csv.Append(row.Id.ToString(CultureInfo.InvariantCulture)).Append(',').Append(F(fit.Predict(X(row)))).Append('\n');
            }
            await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "predictions.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
            // The honest model's own validation figure (in-sample on train), as a candidate would report it.
            var trainAuc = DsLoop.Stats.Classification.ClassifierMetrics.RocAuc([.. data.Train.Select(r => r.Label)], [.. data.Train.Select(r => fit.Predict(X(r)))]).Value;
            await page.Locator("[name=ValidationAuc]").FillAsync(trainAuc.ToString("0.000", CultureInfo.InvariantCulture));
            await page.Locator("[name=Plan]").FillAsync("I score in a daily batch from point-in-time features, monitor drift and calibration on a dashboard, alert the owner at a threshold, retrain monthly with an out-of-time backtest, and start in shadow mode with a rollback.");
            var weak = data.Weakness;
            await page.Locator("[name=WeakSegment]").SelectOptionAsync(weak.SegmentName(kase.Scenario));
            await page.Locator("[name=WeakSegmentError]").SelectOptionAsync(PlantedWeakness.Slug(weak.Error));
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit for grading" }).ClickAsync();

            await Expect(page.Locator("#result h2")).ToContainTextAsync("Result:");
            await Expect(page.Locator("#result tr", new() { HasText = "Leakage" })).ToContainTextAsync("No sign of leakage");
            await Expect(page.Locator("#result tr", new() { HasText = "Ranking on the holdout" })).ToContainTextAsync("1 / 1");
            await Expect(page.Locator("#reliability circle").First).ToBeAttachedAsync();
            await Expect(page.Locator("#result tr", new() { HasText = "Error analysis" })).ToContainTextAsync("1 / 1");
            await Expect(page.Locator($"#slice-table tr[data-slice='{weak.SegmentName(kase.Scenario)}']")).ToBeVisibleAsync();
            // All rows, one per segment value, and two to four quartile buckets of each of two features.
            Assert.InRange(await page.Locator("#slice-table tbody tr").CountAsync(), 1 + kase.Scenario.Segment.Values.Count + 4, 1 + kase.Scenario.Segment.Values.Count + 8);
            await Expect(page.Locator("#false-negatives tbody tr").First).ToBeVisibleAsync();
            await Expect(page.Locator("#explanation")).ToContainTextAsync(kase.Scenario.LeakyColumn);
            Assert.Empty(browser.ConsoleErrors);
        });
    }

    [SkippableFact]
    public async Task Kpi_drop_case_at_a_chosen_scale_offers_csv_files_and_grades_the_reference_evidence_query_on_the_seeds_warehouse()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        await using var browser = await BrowserSession.StartAsync(app.BaseAddress);
        await browser.RunAsync(nameof(Kpi_drop_case_at_a_chosen_scale_offers_csv_files_and_grades_the_reference_evidence_query_on_the_seeds_warehouse), async page =>
        {
            var id = await StartAsync(page, "kpi-drop", scale: "tiny");
            Assert.Equal(CaseScale.Tiny, id.Scale);
            var kase = new KpiDropCase(id);
            var truth = kase.Truth;
            await Expect(page.Locator("#brief")).Not.ToContainTextAsync(truth.AffectedSegment);
            await Expect(page.Locator("#brief")).ToContainTextAsync($"from {kase.LogsFrom:yyyy-MM-dd}");
            await Expect(page.Locator("#downloads")).ToContainTextAsync("warehouse.sqlite");
            // Nothing of the answer shows before submitting.
            await Expect(page.Locator("#result")).ToHaveCountAsync(0);
            await Expect(page.Locator("#explanation")).ToHaveCountAsync(0);
            await Expect(page.Locator("#reference")).ToHaveCountAsync(0);

            // The CSV download: a zip with one CSV per table of the warehouse and the schema note.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "warehouse-csv.zip" }).ClickAsync(), new() { Timeout = 60_000 });
            Assert.Equal($"{id}-warehouse-csv.zip", download.SuggestedFilename);
            using (var zip = System.IO.Compression.ZipFile.OpenRead((await download.PathAsync())!))
            {
                Assert.Equal(KpiDropCase.Tables.Select(t => t.Name + ".csv").Append("SCHEMA.md").Order(StringComparer.Ordinal),
                    zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
                using var users = new StreamReader(zip.GetEntry("users.csv")!.Open());
                Assert.StartsWith("user_id,signup_at,", await users.ReadLineAsync(), StringComparison.Ordinal);
                // The last weeks of logs: the earliest session starts on the brief's first day of logs.
                using var sessions = new StreamReader(zip.GetEntry("sessions.csv")!.Open());
                var starts = (await sessions.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[2]);
                Assert.StartsWith(kase.LogsFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), starts.Min(StringComparer.Ordinal), StringComparison.Ordinal);
            }

            // Explore in the sandbox first: the query runs on this case's warehouse and stays in the box.
            await page.Locator("[name='Kpi.EvidenceSql']").FillAsync("select platform, count(*) as users from users group by platform order by platform");
            await page.GetByRole(AriaRole.Button, new() { Name = "Run query" }).ClickAsync();
            await Expect(page.Locator("#query-result tbody tr")).ToHaveCountAsync(3, new() { Timeout = 60_000 });
            await Expect(page.Locator("#query-result")).ToContainTextAsync("android");
            await Expect(page.Locator("[name='Kpi.EvidenceSql']")).ToHaveValueAsync(new Regex("^select platform"));
            // One cache folder: the case's warehouse sits beside the SQL practice datasets.
            Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "datasets"), $"case-kpi-*-{id.Seed}-g*.sqlite"));
            Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "datasets", "cases")));

            await page.Locator("[name='Kpi.Cause']").SelectOptionAsync(KpiDropAnswer.Slug(truth.Cause));
            await page.Locator("[name='Kpi.Segment']").SelectOptionAsync(KpiDropAnswer.SegmentOf(truth.Cause));
            await page.Locator("[name='Kpi.StartDate']").FillAsync(truth.ChangeStart);
            await page.Locator("[name='Kpi.Impact']").FillAsync("-0.9");
            await page.Locator("[name='Kpi.EvidenceSql']").FillAsync(truth.EvidenceSql);
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit for grading" }).ClickAsync();

            await Expect(page.Locator("#result h2")).ToContainTextAsync("Result: 80%");
            await Expect(page.Locator("#result tr", new() { HasText = "Evidence query" })).ToContainTextAsync("isolates the drop");
            await Expect(page.Locator("#result tr", new() { HasText = "Estimated impact" })).ToContainTextAsync("0 / 1");
            await Expect(page.Locator("#reference")).ToContainTextAsync(truth.EvidenceSql.Split('\n')[0]);
            await Expect(page.Locator("#explanation")).ToContainTextAsync(truth.Explanation);
            await Expect(page.Locator("#result tr", new() { HasText = "Start date" })).ToContainTextAsync("1 / 1");
            await Expect(page.Locator("#answer-form")).ToHaveCountAsync(0);
            Assert.Empty(browser.ConsoleErrors);
        });
    }
}
