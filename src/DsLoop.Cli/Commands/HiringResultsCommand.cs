using System.CommandLine;
using DsLoop.App.Hiring;
using DsLoop.App.Hosting;
using DsLoop.App.SqlPractice;
using DsLoop.Core.Hiring;
using DsLoop.Store;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop hiring results</c>: a position's candidates, their invitations' state and their scored answers.</summary>
internal static class HiringResultsCommand
{
    public static Command Build(CliConsole console)
    {
        var common = HiringCommand.Common.Create();
        var position = new Option<string>("--position") { Description = "The position id (dsloop hiring positions).", Required = true };
        var command = new Command("results", "A position's candidates: invitation state, score and each SQL problem's verdict. A screen past its deadline is scored first.")
        {
            position,
        };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var dataDir = StoreSettings.FromEnvironment(parse.GetValue(common.DataDir)).DataDirectory;
            await using var store = await PracticeCommand.OpenStoreAsync(parse.GetValue(common.DataDir), cancellationToken);
            var member = await HiringCommand.MemberAsync(store, parse, common, cancellationToken);
            var bank = ContentCommand.LoadBank(ContentCommand.ResolveFolder(null));
            var screens = new SqlScreenService(store, new SqlPracticeService(AppSettings.SqlScaleFromEnvironment(), PracticeDatasets.Open(dataDir)), bank, HiringSecret.LoadOrCreate(dataDir), console.Clock);
            var invitations = new InvitationService(store, new HiringSettings(), console.Clock);
            var results = HiringCommand.Ok(await new HiringResults(store, screens, invitations, console.Clock).ForPositionAsync(member, parse.GetValue(position)!, cancellationToken));
            if (parse.GetValue(common.Json))
            {
                await CliJson.WriteAsync(console.Out, results.Select(r => new
                {
                    invitation = r.Invitation.Id,
                    candidate = r.Invitation.CandidateName,
                    email = r.Invitation.CandidateEmail,
                    exercise = HiringExercises.Slug(r.Invitation.Exercise),
                    state = r.State,
                    invitedAt = r.Invitation.CreatedAt,
                    expiresAt = r.Invitation.ExpiresAt,
                    startedAt = r.Invitation.StartedAt,
                    finishedAt = r.Invitation.FinishedAt,
                    score = r.Invitation.Score,
                    answers = r.Answers.Select(a => new { problem = a.ProblemId, verdict = a.Verdict, savedAt = a.SavedAt }),
                }));
                return DsLoopCli.Ok;
            }
            foreach (var r in results)
            {
                var score = r.Invitation.Score is { } s ? $"{s * 100:0}%" : "not scored";
                await console.Out.WriteLineAsync($"{r.Invitation.Id}  {r.Invitation.CandidateName} <{r.Invitation.CandidateEmail}>  {HiringExercises.Slug(r.Invitation.Exercise)}  {r.State.ToString().ToLowerInvariant()}  {score}");
                foreach (var a in r.Answers)
                {
                    await console.Out.WriteLineAsync($"  {a.ProblemId}: {a.Verdict ?? "not graded"}");
                }
            }
            await console.Out.WriteLineAsync($"{results.Count} candidate(s).");
            return DsLoopCli.Ok;
        });
        return command;
    }
}
