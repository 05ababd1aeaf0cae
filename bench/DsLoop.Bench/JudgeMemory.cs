using System.Diagnostics;
using DsLoop.Content;
using DsLoop.Judge.Embedding;
using DsLoop.Judge.Judging;

namespace DsLoop.Bench;

/// <summary>
/// What the judge adds to a process: resident memory after loading the bank, after loading the model, and after
/// embedding the bank's vectors and judging one answer; with the wall time of each step.
/// </summary>
internal static class JudgeMemory
{
    public static int Run()
    {
        var clock = Stopwatch.StartNew();
        var bank = ContentLoader.Load(BenchPaths.Content).Bank ?? throw new InvalidOperationException("content invalid");
        Report("bank loaded (baseline)", clock);
        var model = SentenceModel.Shared;
        model.Embed(["warm up"]);
        Report("model loaded", clock);
        var judge = new AnswerJudge(bank, model);
        judge.Warm();
        var item = bank.ItemsById["onboarding-test-sample-size"];
        judge.Judge(item, bank.Frameworks[item.FrameworkId], JudgeBenchmarks.ThreeHundredWords(bank, item));
        Report("bank vectors embedded, one answer judged", clock);
        return 0;
    }

    private static void Report(string step, Stopwatch clock)
    {
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"{step,-45} {process.WorkingSet64 / (1024.0 * 1024):0} MB resident, {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
    }
}
