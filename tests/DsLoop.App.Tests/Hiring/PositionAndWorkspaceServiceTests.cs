using DsLoop.App.Hiring;
using DsLoop.Core;
using DsLoop.Core.Hiring;
using Xunit;

namespace DsLoop.App.Tests.Hiring;

public sealed class PositionAndWorkspaceServiceTests
{
    [Fact]
    public async Task A_position_without_weights_gets_the_blueprints_and_its_creation_is_audited()
    {
        await using var f = await HiringFixture.StartAsync();
        Assert.Equal(ScorecardWeights.Default, f.Position.Weights);
        Assert.Equal("senior-consumer", f.Position.LoopTemplateId);
        Assert.Contains(await f.AuditAsync(), a => a.Action == AuditAction.PositionCreated && a.Subject == f.Position.Id);
    }

    [Fact]
    public async Task Weights_not_adding_up_to_100_are_refused_naming_the_field_and_nothing_is_written()
    {
        await using var f = await HiringFixture.StartAsync();
        var form = HiringFixture.Form() with
        {
            Weights = Dimensions.All.ToDictionary(Dimensions.Slug, d => (string?)(d == Dimension.ProblemFraming ? "30" : ((int)(Dimensions.Weight(d) * 100)).ToString(System.Globalization.CultureInfo.InvariantCulture))),
        };
        var refused = await f.Positions.CreateAsync(f.Members[HiringRole.HiringManager], form);
        Assert.Equal(HiringRefusal.BadInput, refused.Refusal);
        Assert.Equal("Weights: the weights add up to 110%, not 100%.", refused.Problem);
        Assert.Single(await f.Store.Hiring.ListPositionsAsync(f.Workspace.Id));
    }

    [Theory]
    [InlineData("no-such-problem", "SqlProblems")]
    [InlineData("", "SqlProblems")]
    [InlineData("daily-active-users, daily-active-users", "SqlProblems")]
    public async Task A_sql_screen_of_unknown_missing_or_repeated_problems_is_refused(string problems, string field)
    {
        await using var f = await HiringFixture.StartAsync();
        var refused = await f.Positions.CreateAsync(f.Members[HiringRole.Admin], HiringFixture.Form(problems));
        Assert.StartsWith(field + ":", refused.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_bad_fields_are_named()
    {
        await using var f = await HiringFixture.StartAsync();
        var admin = f.Members[HiringRole.Admin];
        Assert.StartsWith("Title:", (await f.Positions.CreateAsync(admin, HiringFixture.Form() with { Title = " " })).Problem, StringComparison.Ordinal);
        Assert.StartsWith("Level:", (await f.Positions.CreateAsync(admin, HiringFixture.Form() with { Level = "both" })).Problem, StringComparison.Ordinal);
        Assert.StartsWith("LoopTemplate:", (await f.Positions.CreateAsync(admin, HiringFixture.Form() with { LoopTemplate = "x" })).Problem, StringComparison.Ordinal);
        Assert.StartsWith("SqlMinutes:", (await f.Positions.CreateAsync(admin, HiringFixture.Form() with { SqlMinutes = "1" })).Problem, StringComparison.Ordinal);
        Assert.StartsWith("TakeHome:", (await f.Positions.CreateAsync(admin, HiringFixture.Form() with { TakeHome = "live" })).Problem, StringComparison.Ordinal);
        Assert.StartsWith("TakeHomeHours:", (await f.Positions.CreateAsync(admin, HiringFixture.Form() with { TakeHomeHours = "99" })).Problem, StringComparison.Ordinal);
        Assert.StartsWith("Weights.bogus:", (await f.Positions.CreateAsync(admin, HiringFixture.Form() with { Weights = new Dictionary<string, string?> { ["bogus"] = "1" } })).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interviewers_see_positions_but_cannot_create_or_change_them()
    {
        await using var f = await HiringFixture.StartAsync();
        var interviewer = f.Members[HiringRole.Interviewer];
        Assert.Single((await f.Positions.ListAsync(interviewer)).Value!);
        Assert.Equal(HiringRefusal.Forbidden, (await f.Positions.CreateAsync(interviewer, HiringFixture.Form())).Refusal);
        Assert.Equal(HiringRefusal.Forbidden, (await f.Positions.UpdateAsync(interviewer, f.Position.Id, HiringFixture.Form())).Refusal);
    }

    [Fact]
    public async Task A_change_is_audited_with_the_fields_that_changed()
    {
        await using var f = await HiringFixture.StartAsync();
        var changed = await f.Positions.UpdateAsync(f.Members[HiringRole.HiringManager], f.Position.Id, HiringFixture.Form() with { Title = "Staff DS", SqlMinutes = "40" });
        Assert.Equal("Staff DS", changed.Value!.Title);
        Assert.Contains(await f.AuditAsync(), a => a.Action == AuditAction.PositionChanged && a.Detail == "changed title, SQL screen");
        Assert.Equal(HiringRefusal.NotFound, (await f.Positions.UpdateAsync(f.Outsider, f.Position.Id, HiringFixture.Form())).Refusal);
    }

    [Fact]
    public async Task Only_a_site_admin_creates_a_workspace_and_only_workspace_admins_set_roles()
    {
        await using var f = await HiringFixture.StartAsync();
        var recruiterUser = (await f.Store.FindUserAsync(f.Members[HiringRole.Recruiter].UserId))!;
        Assert.Equal(HiringRefusal.Forbidden, (await f.Workspaces.CreateAsync(recruiterUser, "Mine")).Refusal);
        Assert.Equal(HiringRefusal.BadInput, (await f.Workspaces.CreateAsync(f.SiteAdmin, "  ")).Refusal);
        foreach (var role in new[] { HiringRole.Recruiter, HiringRole.HiringManager, HiringRole.Interviewer })
        {
            Assert.Equal(HiringRefusal.Forbidden, (await f.Workspaces.SetRoleAsync(f.Members[role], "interviewer", "admin")).Refusal);
        }
        Assert.Equal(HiringRole.Interviewer, (await f.Store.Hiring.GetSeatAsync(f.Workspace.Id, f.Members[HiringRole.Interviewer].UserId))!.Role);
        Assert.StartsWith("Role:", (await f.Workspaces.SetRoleAsync(f.Members[HiringRole.Admin], "interviewer", "owner")).Problem, StringComparison.Ordinal);
        Assert.StartsWith("UserName:", (await f.Workspaces.SetRoleAsync(f.Members[HiringRole.Admin], "ghost", "recruiter")).Problem, StringComparison.Ordinal);
    }
}
