using DsLoop.Content;
using DsLoop.Content.Loops;
using Xunit;
namespace DsLoop.App.Tests.MockLoop;
public sealed class ScratchDump
{
    [Fact]
    public void Dump()
    {
        var bank = ContentLoader.Load(DsLoop.Testing.RepoPaths.Content).Bank!;
        var t = bank.Loops.Single(l => l.Id == "senior-consumer");
        var lines = new List<string>();
        foreach (var seed in new long[] { 7 })
        {
            var plan = LoopPlanner.Plan(t, bank, seed);
            foreach (var r in plan.Rounds) foreach (var s in r.Slots) foreach (var i in s.Items) lines.Add($"{r.Round.Id}\t{s.Slot.Kind}\t{i.Id}\t{string.Join(",", i.Dimensions)}");
        }
        File.WriteAllLines("/tmp/score-plan.txt", lines);
        foreach (var (judge, coach, self) in new (double?, double, int)[] { (null, 0.55, 3), (3.0, 0, 3), (3.0, 0, 2) })
        {
            var plan = LoopPlanner.Plan(t, bank, 7);
            var state = new DsLoop.App.MockLoop.LoopState { TemplateId = t.Id, Rounds = [.. plan.Rounds.Select(r => new DsLoop.App.MockLoop.RoundState { Id = r.Round.Id, Title = r.Round.Title, Kind = r.Round.Kind, EndReason = DsLoop.App.MockLoop.RoundEnd.Completed, Rated = true,
                Items = [.. r.Slots.SelectMany(s => s.Slot.Kind == LoopSlotKind.Sql
                    ? Enumerable.Range(0, s.Slot.Count).Select(i => new DsLoop.App.MockLoop.ExerciseState { Id = $"sql-{i}", Title = $"SQL problem {i + 1}", Kind = LoopSlotKind.Sql, Dimensions = [DsLoop.Core.Dimension.DataFluency], Answer = "select 1", Passed = true, Closed = true })
                    : s.Items.Select(i => new DsLoop.App.MockLoop.ExerciseState { Id = i.Id, Title = i.Title, Kind = s.Slot.Kind, Dimensions = [.. i.Dimensions], Answer = "A.", CoachScore = judge is { } j ? (j - 1) / 3 : coach, JudgeRating = judge, SelfRating = self, Closed = true }))] })] };
            var card = DsLoop.App.MockLoop.LoopScoring.Build(state, bank);
            File.AppendAllText("/tmp/score-plan.txt", $"\n==== judge {judge} coach {coach} self {self}\n" + DsLoop.Core.Scorecard.ScorecardMarkdown.Write(card));
        }
    }
}
