using DsLoop.Content;
using DsLoop.Judge.Embedding;
using DsLoop.Judge.Judging;
using DsLoop.Judge.Numbers;
using DsLoop.Testing;

namespace DsLoop.Judge.Tests;

/// <summary>The shipped bank and one judge over the process's model, shared by every test that judges answers.</summary>
public sealed class JudgeFixture
{
    public JudgeFixture()
    {
        var loaded = ContentLoader.Load(RepoPaths.Content);
        Bank = loaded.Bank ?? throw new InvalidOperationException(string.Join('\n', loaded.Errors));
        Cache = VectorCache.Shared;
        Judge = new AnswerJudge(Bank, Cache, JudgeSettings.Calibrated, NumberChecker.Check) { CacheAnswers = true };
    }

    public ContentBank Bank { get; }

    public VectorCache Cache { get; }

    public AnswerJudge Judge { get; }

    public DsLoop.Content.Coaching.CoachReport Review(string itemId, string answer, JudgeLevel level = JudgeLevel.Ds)
    {
        var item = Bank.ItemsById[itemId];
        return Judge.Judge(item, Bank.Frameworks[item.FrameworkId], answer, level);
    }
}

[CollectionDefinition(Name)]
public sealed class JudgeCollection : ICollectionFixture<JudgeFixture>
{
    public const string Name = "judge";
}
