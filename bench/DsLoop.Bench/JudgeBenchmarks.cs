using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using DsLoop.Content;
using DsLoop.Content.Coaching;
using DsLoop.Judge.Embedding;
using DsLoop.Judge.Judging;
using DsLoop.Judge.Numbers;

namespace DsLoop.Bench;

/// <summary>
/// The semantic judge on a 300-word answer, warm (model loaded, the bank's vectors embedded, the answer's not), against
/// the cue coach on the same answer in the same run (the baseline).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(JudgePercentiles))]
public class JudgeBenchmarks
{
    private ContentBank _bank = null!;
    private QuestionItem _item = null!;
    private Framework _framework = null!;
    private AnswerJudge _judge = null!;
    private string _answer = "";

    [GlobalSetup]
    public void Setup()
    {
        _bank = ContentLoader.Load(BenchPaths.Content).Bank ?? throw new InvalidOperationException("content invalid");
        _item = _bank.ItemsById["onboarding-test-sample-size"];
        _framework = _bank.Frameworks[_item.FrameworkId];
        _answer = ThreeHundredWords(_bank, _item);
        _judge = new AnswerJudge(_bank, SentenceModel.Shared, JudgeSettings.Calibrated, NumberChecker.Check);
        _judge.Warm();
        _judge.Judge(_item, _framework, _answer);
    }

    /// <summary>
    /// A 300-word answer of distinct sentences, as a candidate writes it: the item's model answer, then sentences of
    /// the other model answers of its folder's framework, cut at 300 words.
    /// </summary>
    public static string ThreeHundredWords(ContentBank bank, QuestionItem item)
    {
        var sentences = bank.Items.Where(i => i.FrameworkId == item.FrameworkId)
            .OrderBy(i => i.Id == item.Id ? 0 : 1).ThenBy(i => i.Id, StringComparer.Ordinal)
            .SelectMany(i => AnswerCoach.SplitSentences(i.ModelAnswer));
        var words = new List<string>();
        foreach (var sentence in sentences)
        {
            words.AddRange(sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (words.Count >= 300)
            {
                break;
            }
        }
        return string.Join(' ', words.Take(300));
    }

    [Benchmark(Baseline = true, Description = "cue coach, 300 words (baseline)")]
    public CoachReport Coach() => AnswerCoach.Review(_item, _framework, _answer);

    [Benchmark(Description = "semantic judge, 300 words, warm")]
    public CoachReport Judge() => _judge.Judge(_item, _framework, _answer);
}

internal sealed class JudgePercentiles : ManualConfig
{
    public JudgePercentiles() => AddColumn(StatisticColumn.P95, StatisticColumn.Max, new PercentileColumn99());
}

internal sealed class PercentileColumn99 : IColumn
{
    public string Id => "P99";
    public string ColumnName => "P99";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Statistics;
    public int PriorityInCategory => 10;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Time;
    public string Legend => "Percentile 99: 99% of the measured iterations were faster";
    public string GetValue(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);
    public string GetValue(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics?.Percentiles.Percentile(99) is { } ns
            ? (ns / 1e6).ToString("0.00 'ms'", System.Globalization.CultureInfo.InvariantCulture)
            : "NA";
    public bool IsAvailable(BenchmarkDotNet.Reports.Summary summary) => true;
    public bool IsDefault(BenchmarkDotNet.Reports.Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;
}
