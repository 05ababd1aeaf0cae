using DsLoop.App.Hiring;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Core.Hiring;
using DsLoop.Store;
using Microsoft.Data.Sqlite;

namespace DsLoop.App.Tests.Hiring;

/// <summary>A SQLite store in a temp folder with a workspace, its members in every role, a position, and a clock the test moves.</summary>
internal sealed class HiringFixture : IAsyncDisposable
{
    public static readonly ContentBank Bank = ContentLoader.Load(DsLoop.Testing.RepoPaths.Content).Bank!;

    public sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly string _folder = Directory.CreateTempSubdirectory("dsloop-hiring-").FullName;

    public IAppStore Store { get; private set; } = null!;
    public Clock Time { get; } = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    public User SiteAdmin { get; private set; } = null!;
    public Workspace Workspace { get; private set; } = null!;
    public Dictionary<HiringRole, HiringMember> Members { get; } = [];
    public HiringMember Outsider { get; private set; } = null!;
    public Position Position { get; private set; } = null!;
    public WorkspaceService Workspaces => new(Store, Time);
    public PositionService Positions => new(Store, Bank, Time);
    public InvitationService Invitations => new(Store, new HiringSettings { InvitationLifetime = TimeSpan.FromDays(7) }, Time);

    public static async Task<HiringFixture> StartAsync()
    {
        var fixture = new HiringFixture();
        await fixture.InitAsync();
        return fixture;
    }

    private async Task InitAsync()
    {
        Store = await AppStoreFactory.OpenAsync(new StoreSettings(_folder));
        SiteAdmin = (await Store.CreateUserAsync("ada", "hash", UserRole.Candidate))!;
        Workspace = (await Workspaces.CreateAsync(SiteAdmin, "Growth")).Value!;
        var access = new HiringAccess(Store);
        Members[HiringRole.Admin] = (await access.MemberAsync(Workspace.Id, SiteAdmin.Id))!;
        foreach (var role in HiringRoles.All.Where(r => r != HiringRole.Admin))
        {
            var user = (await Store.CreateUserAsync(HiringRoles.Slug(role), "hash", UserRole.Candidate))!;
            await Workspaces.SetRoleAsync(Members[HiringRole.Admin], user.UserName, HiringRoles.Slug(role));
            Members[role] = (await access.MemberAsync(Workspace.Id, user.Id))!;
        }
        var other = await Workspaces.CreateAsync(SiteAdmin, "Other team");
        var stranger = (await Store.CreateUserAsync("stranger", "hash", UserRole.Candidate))!;
        await Workspaces.SetRoleAsync((await access.MemberAsync(other.Value!.Id, SiteAdmin.Id))!, "stranger", "admin");
        Outsider = (await access.MemberAsync(other.Value!.Id, stranger.Id))!;
        Position = (await Positions.CreateAsync(Members[HiringRole.Recruiter], Form())).Value!;
    }

    public static PositionForm Form(string? sqlProblems = "daily-active-users") => new()
    {
        Title = "Senior Data Scientist, Growth",
        Level = "senior",
        Variant = "consumer",
        LoopTemplate = "senior-consumer",
        SqlProblems = sqlProblems,
        SqlMinutes = "30",
        TakeHome = "experiment",
        TakeHomeHours = "3",
    };

    public async Task<List<AuditEntry>> AuditAsync() => [.. (await Store.Hiring.ListAuditPageAsync(Workspace.Id, null, KeysetPage.MaxSize)).Items];

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
