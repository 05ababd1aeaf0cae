using System.CommandLine;
using DsLoop.App.Hiring;
using DsLoop.Core.Hiring;

namespace DsLoop.Cli.Commands;

/// <summary><c>dsloop hiring invite</c>: invites a candidate and prints the link, which is shown only this once.</summary>
internal static class HiringInviteCommand
{
    public static Command Build(CliConsole console)
    {
        var common = HiringCommand.Common.Create();
        var position = new Option<string>("--position") { Description = "The position id (dsloop hiring positions).", Required = true };
        var name = new Option<string>("--name") { Description = "The candidate's name.", Required = true };
        var email = new Option<string>("--email") { Description = "The candidate's email address.", Required = true };
        var exercise = new Option<string>("--exercise") { Description = "sql-screen or take-home.", DefaultValueFactory = _ => "sql-screen" };
        var baseUrl = new Option<string?>("--base-url") { Description = "The site's address to put before the link's path, e.g. https://hiring.example.com." };
        var command = new Command("invite", "Invite a candidate to a position's exercise and print the link (no email is sent; the link opens once and expires).")
        {
            position, name, email, exercise, baseUrl,
        };
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var store = await PracticeCommand.OpenStoreAsync(parse.GetValue(common.DataDir), cancellationToken);
            var member = await HiringCommand.MemberAsync(store, parse, common, cancellationToken);
            var service = new InvitationService(store, HiringSettingsOrUsage(), console.Clock);
            var issued = HiringCommand.Ok(await service.InviteAsync(
                member, parse.GetValue(position), parse.GetValue(name), parse.GetValue(email), parse.GetValue(exercise), cancellationToken));
            var link = (parse.GetValue(baseUrl)?.TrimEnd('/') ?? "") + issued.Path;
            if (parse.GetValue(common.Json))
            {
                await CliJson.WriteAsync(console.Out, new
                {
                    invitation = issued.Invitation.Id,
                    position = issued.Invitation.PositionId,
                    exercise = HiringExercises.Slug(issued.Invitation.Exercise),
                    expiresAt = issued.Invitation.ExpiresAt,
                    link,
                });
                return DsLoopCli.Ok;
            }
            await console.Out.WriteLineAsync(link);
            await console.Error.WriteLineAsync($"Invitation {issued.Invitation.Id} for {issued.Invitation.CandidateName}, expires {issued.Invitation.ExpiresAt:yyyy-MM-dd HH:mm} UTC. Copy the link now: it is not stored.");
            return DsLoopCli.Ok;
        });
        return command;
    }

    private static HiringSettings HiringSettingsOrUsage()
    {
        try
        {
            return HiringSettings.FromEnvironment();
        }
        catch (ArgumentException e)
        {
            throw new CliException(e.Message, DsLoopCli.Usage);
        }
    }
}
