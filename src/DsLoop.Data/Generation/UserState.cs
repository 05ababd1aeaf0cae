using static DsLoop.Data.Generation.BehaviourConstants;
using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>The kinds of account the simulation tells apart; each kind lives its own kind of life.</summary>
internal enum AccountKind
{
    /// <summary>A person using the product.</summary>
    Person,

    /// <summary>A scripted web scraper present in every dataset (see <see cref="BotAndTestAccountSimulator"/>).</summary>
    BaselineBot,

    /// <summary>An internal QA account, flagged in users.</summary>
    TestAccount,

    /// <summary>A bot of a planted bot surge, appended after the organic users.</summary>
    SurgeBot,
}

/// <summary>
/// What the simulation tracks for one user while it walks the calendar: the user's random streams, profile, plan,
/// experiment enrolment, the session being simulated and the churn-feature tallies. One instance serves every user
/// in turn, so nothing is allocated per user.
/// </summary>
internal sealed class UserState
{
    private Rng _random;
    private Rng _scenarioRandom;

    /// <summary>The user's own random sequence; draws advance it in place, so every caller shares one order of draws.</summary>
    public ref Rng Random => ref _random;

    /// <summary>The user's sequence for planted faults only.</summary>
    public ref Rng ScenarioRandom => ref _scenarioRandom;

    public long Id { get; private set; }

    public AccountKind Kind { get; private set; }

    public bool IsBot => Kind is AccountKind.BaselineBot or AccountKind.SurgeBot;

    public bool IsTestAccount => Kind == AccountKind.TestAccount;

    public Country Country { get; set; } = Countries[0];

    /// <summary>The user's time zone offset from UTC.</summary>
    public int OffsetMinutes { get; set; }

    /// <summary>Index into <see cref="Platforms"/>.</summary>
    public int Platform { get; set; }

    /// <summary>Index into <see cref="Channels"/>: the acquisition channel.</summary>
    public int Channel { get; set; }

    /// <summary>Relative inclination to buy (1 is typical).</summary>
    public double PurchasePropensity { get; set; }

    /// <summary>How long after a release the user's app updates to it.</summary>
    public double AdoptionLagSeconds { get; set; }

    /// <summary>Index into <see cref="Plans"/>: the plan at sign-up, or the plan converted to.</summary>
    public int Plan { get; set; }

    public bool Subscribed { get; set; }

    /// <summary>The plan the user was on at the churn snapshot.</summary>
    public int PlanAtSnapshot { get; set; }

    /// <summary>Per experiment (in <see cref="Experiments.All"/> order): when the user was first assigned, or 0.</summary>
    public long[] AssignedAt { get; } = new long[Experiments.All.Length];

    /// <summary>Per experiment: when the user first saw the experiment surface, or 0.</summary>
    public long[] ExposedAt { get; } = new long[Experiments.All.Length];

    /// <summary>Per experiment: whether the user falls in the experiment's traffic.</summary>
    public bool[] Eligible { get; } = new bool[Experiments.All.Length];

    /// <summary>Per experiment: whether the user's variant is treatment.</summary>
    public bool[] InTreatment { get; } = new bool[Experiments.All.Length];

    /// <summary>Whether the user's checkout-experiment assignment and exposure go unlogged (a planted sample ratio mismatch).</summary>
    public bool CheckoutLogsLost { get; set; }

    /// <summary>Whether the user's onboarding-experiment assignment and exposure are not logged (the treatment arm's SRM).</summary>
    public bool OnboardingLogsLost { get; set; }

    /// <summary>Whether the user's device no longer sends purchase events (the payments still arrive).</summary>
    public bool PurchaseEventsLost { get; set; }

    /// <summary>When the user last completed a purchase, or 0.</summary>
    public long LastPurchaseAt { get; set; }

    /// <summary>Whether an earlier session of the user had a search.</summary>
    public bool SearchedBefore { get; set; }

    /// <summary>Whether the current session has had a search so far.</summary>
    public bool SessionHasSearch { get; set; }

    /// <summary>Whether the user is the rate-limited scraper whose runs stop at <see cref="Boundaries.ThrottledBotEventsPerRun"/> events.</summary>
    public bool ThrottledBot { get; set; }

    /// <summary>The id of the session being simulated.</summary>
    public long SessionId { get; set; }

    /// <summary>Whether the current session (and its events) is written, given partial logs.</summary>
    public bool SessionLogged { get; set; }

    /// <summary>The app version of the current session (null on the web).</summary>
    public string? AppVersion { get; set; }

    /// <summary>Whether the current session runs the release that fires events twice.</summary>
    public bool DoubleFiresEvents { get; set; }

    public ChurnFeatureTally ChurnTally { get; } = new();

    /// <summary>Starts a user: the id, the kind and the user's random streams.</summary>
    public void Begin(long id, AccountKind kind, ulong seed)
    {
        Id = id;
        Kind = kind;
        _random = Rng.For(seed, RandomStreams.User, (ulong)id);
        _scenarioRandom = Rng.For(seed, RandomStreams.Scenario, (ulong)id);
    }

    /// <summary>Clears what the user accumulates while the calendar is walked (the profile is drawn by then).</summary>
    public void ResetActivity()
    {
        Subscribed = false;
        PlanAtSnapshot = Plan;
        PurchaseEventsLost = false;
        LastPurchaseAt = 0;
        SearchedBefore = false;
        SessionHasSearch = false;
        ThrottledBot = false;
        ChurnTally.Reset();
    }

    /// <summary>A local second of the day, drawn from the hour-of-day activity profile.</summary>
    public int DrawLocalSecondOfDay() =>
        (_random.Pick(HourCumulative) * SimulationCalendar.SecondsPerHour) + _random.NextInt(SimulationCalendar.SecondsPerHour);

    /// <summary>The UTC time of a local second on a window day, in the user's time zone.</summary>
    public long LocalToUtc(int day, int localSecond) => DayStart(day) + localSecond - (OffsetMinutes * SimulationCalendar.SecondsPerMinute);
}
