using System.Text.Json;
using DsLoop.App.Hiring;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Store;
using DsLoop.Testing;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DsLoop.Cli.Tests;

public sealed class HiringCommandTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("dsloop-cli-hiring-").FullName;
    private string _workspace = "";
    private string _position = "";

    public async Task InitializeAsync()
    {
        await using var store = await AppStoreFactory.OpenAsync(new StoreSettings(_data));
        var admin = (await store.CreateUserAsync("ada", "hash", UserRole.Candidate))!;
        await store.CreateUserAsync("ivan", "hash", UserRole.Candidate);
        await store.CreateUserAsync("stranger", "hash", UserRole.Candidate);
        var workspaces = new WorkspaceService(store, TimeProvider.System);
        var workspace = (await workspaces.CreateAsync(admin, "Growth")).Value!;
        var member = (await new HiringAccess(store).MemberAsync(workspace.Id, admin.Id))!;
        await workspaces.SetRoleAsync(member, "ivan", "interviewer");
        var bank = ContentLoader.Load(RepoPaths.Content).Bank!;
        var position = await new PositionService(store, bank, TimeProvider.System).CreateAsync(member, new PositionForm
        {
            Title = "Senior DS",
            Level = "senior",
            Variant = "consumer",
            LoopTemplate = "senior-consumer",
            SqlProblems = "daily-active-users",
            SqlMinutes = "30",
            TakeHome = "modeling",
            TakeHomeHours = "4",
        });
        _workspace = workspace.Id;
        _position = position.Value!.Id;
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        return Task.CompletedTask;
    }

    private Task<Cli.Result> RunAsync(string sub, string user, params string[] extra) =>
        Cli.RunAsync(["hiring", sub, "--workspace", _workspace, "--as", user, "--data-dir", _data, .. extra]);

    [Fact]
    public async Task Positions_lists_the_workspaces_positions_with_weights_as_json()
    {
        var result = await RunAsync("positions", "ivan", "--json");
        Assert.Equal(0, result.ExitCode);
        var position = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().Single();
        Assert.Equal(_position, position.GetProperty("id").GetString());
        Assert.Equal(20, position.GetProperty("weights").GetProperty("problem-framing").GetInt32());
        Assert.Equal("modeling", position.GetProperty("takeHome").GetProperty("case").GetString());
    }

    [Fact]
    public async Task Invite_prints_a_link_whose_token_only_the_stored_hash_matches()
    {
        var result = await RunAsync("invite", "ada", "--position", _position, "--name", "Cleo", "--email", "cleo@example.com", "--base-url", "https://hire.example.com/", "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Out).RootElement;
        var link = json.GetProperty("link").GetString()!;
        Assert.StartsWith($"https://hire.example.com/join/{_workspace}/", link, StringComparison.Ordinal);
        var token = link.Split('/')[^1];
        await using var store = await AppStoreFactory.OpenAsync(new StoreSettings(_data));
        var stored = (await store.Hiring.GetInvitationAsync(_workspace, json.GetProperty("invitation").GetString()!))!;
        Assert.True(InvitationTokens.Matches(token, stored.TokenHash));
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_lists_each_invitation_with_its_state()
    {
        await RunAsync("invite", "ada", "--position", _position, "--name", "Cleo", "--email", "cleo@example.com");
        var result = await RunAsync("results", "ada", "--position", _position, "--json");
        Assert.Equal(0, result.ExitCode);
        var row = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().Single();
        Assert.Equal("pending", row.GetProperty("state").GetString());
        Assert.Equal("cleo@example.com", row.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Roles_apply_an_interviewer_cannot_invite_or_read_results_and_a_stranger_is_no_member()
    {
        var invite = await RunAsync("invite", "ivan", "--position", _position, "--name", "Cleo", "--email", "cleo@example.com");
        Assert.Equal(1, invite.ExitCode);
        Assert.Contains("does not allow", invite.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync("results", "ivan", "--position", _position)).ExitCode);
        var stranger = await RunAsync("positions", "stranger");
        Assert.Equal(1, stranger.ExitCode);
        Assert.Contains("not a member", stranger.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_is_a_usage_error_naming_the_field_and_invites_nobody()
    {
        var result = await RunAsync("invite", "ada", "--position", _position, "--name", "Cleo", "--email", "not-an-email");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CandidateEmail:", result.Error, StringComparison.Ordinal);
        await using var store = await AppStoreFactory.OpenAsync(new StoreSettings(_data));
        Assert.Empty(await store.Hiring.ListInvitationsAsync(_workspace, _position));
    }
}
