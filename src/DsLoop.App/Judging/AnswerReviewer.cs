using DsLoop.Content;
using DsLoop.Content.Coaching;
using DsLoop.Judge.Embedding;
using DsLoop.Judge.Judging;
using DsLoop.Judge.Numbers;

namespace DsLoop.App.Judging;

/// <summary>
/// Reviews open answers for the practice pages, the mock loop and the CLI: the semantic judge when its model is
/// loaded, the cue coach when it cannot be (the report then says it was judged by cue phrases only). The model loads
/// in the background as soon as the reviewer exists, so a host's first page does not wait for it; the first review does.
/// </summary>
public sealed class AnswerReviewer
{
    private readonly ContentBank content;
    private readonly Task<AnswerJudge?> judge;

    /// <summary>Starts loading the process's model in the background.</summary>
    /// <param name="content">The question bank the answers belong to.</param>
    /// <param name="useModel">False to review with the cue coach only (no model is loaded).</param>
    public AnswerReviewer(ContentBank content, bool useModel = true)
    {
        ArgumentNullException.ThrowIfNull(content);
        this.content = content;
        judge = useModel ? Task.Run(() => Create(content)) : Task.FromResult<AnswerJudge?>(null);
    }

    /// <summary>Why the semantic judge is unavailable (one line), or null when it is loaded or still loading.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>
    /// Completes when the model has loaded and the bank's vectors are embedded, or the load failed;
    /// <see cref="Unavailable"/> then says which.
    /// </summary>
    public Task Ready => judge;

    /// <summary>Judges an answer to an item at a level.</summary>
    public async Task<CoachReport> ReviewAsync(QuestionItem item, string answer, JudgeLevel level, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var framework = content.Frameworks[item.FrameworkId];
        var loaded = await judge.WaitAsync(cancellationToken);
        return loaded is null ? AnswerCoach.Review(item, framework, answer) : loaded.Judge(item, framework, answer, level);
    }

    /// <summary>Judges the answer to a follow-up probe on its expected points (habits and length alone without the model).</summary>
    public async Task<CoachReport> ReviewProbeAsync(
        QuestionItem item, string probe, IReadOnlyList<string> expectedPoints, string answer, (int Min, int Max) target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var loaded = await judge.WaitAsync(cancellationToken);
        return loaded is null || expectedPoints.Count == 0
            ? AnswerCoach.Review(answer, content.Frameworks[item.FrameworkId], target)
            : loaded.JudgeProbe(probe, expectedPoints, answer, target);
    }

    /// <summary>The level an item is judged at when the candidate has not chosen: senior only for senior-only items.</summary>
    public static JudgeLevel DefaultLevel(QuestionItem item) =>
        item?.Level == Core.Level.SeniorDataScientist ? JudgeLevel.Senior : JudgeLevel.Ds;

    private AnswerJudge? Create(ContentBank bank)
    {
        try
        {
            var judge = new AnswerJudge(bank, VectorCache.Shared, JudgeSettings.Calibrated, NumberChecker.Check);
            judge.Warm();
            return judge;
        }
        catch (ModelLoadException e)
        {
            Unavailable = e.Message;
            return null;
        }
    }
}
