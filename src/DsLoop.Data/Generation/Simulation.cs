using DsLoop.Data.Schema;
using static DsLoop.Data.Generation.BehaviourConstants;
using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>
/// One generation pass: global tables, then each user simulated from its own random stream, writing rows
/// straight to the sink. Row ids come from counters, so a pass must visit users in order.
/// </summary>
/// <remarks>
/// The domains live in their own simulators, which share one <see cref="UserState"/>; the numbers that shape behaviour
/// are in <see cref="BehaviourConstants"/>. Every draw from a user's stream happens in a fixed order, so moving a draw
/// changes the output (a test pins it to <see cref="DatasetGenerator.OutputVersion"/>).
/// </remarks>
internal sealed class Simulation
{
    private readonly SimulationSettings _settings;
    private readonly IDatasetSink _sink;
    private readonly UserState _user = new();
    private readonly double[] _signupCumulative;
    private readonly DataRow _users = new(DatasetSchema.Users);
    private readonly DataRow _churnFeatures = new(DatasetSchema.ChurnFeatures);
    private readonly ExperimentSimulator _experiments;
    private readonly MarketingSimulator _marketing;
    private readonly BillingSimulator _billing;
    private readonly SessionSimulator _sessions;
    private readonly BotAndTestAccountSimulator _botsAndTestAccounts;

    public Simulation(GenerationOptions options, IDatasetSink sink)
    {
        _settings = new SimulationSettings(options);
        _sink = sink;
        var events = new EventLog(_settings, _user, sink);
        _experiments = new ExperimentSimulator(_settings, _user, sink);
        var support = new SupportSimulator(_user, sink, _experiments);
        _marketing = new MarketingSimulator(_settings, _user, sink);
        _billing = new BillingSimulator(_settings, _user, sink, support, _marketing);
        _sessions = new SessionSimulator(_settings, _user, sink, events, _experiments, support, _billing);
        _botsAndTestAccounts = new BotAndTestAccountSimulator(_settings, _user, _sessions, events);
        var weights = new double[SignupDays];
        for (var d = 0; d < SignupDays; d++)
        {
            weights[d] = (SimulationCalendar.IsWeekend(d) ? Signups.WeekendWeight : 1.0) * (1 + (d / Signups.GrowthDays));
        }
        _signupCumulative = Cumulative(weights);
    }

    /// <summary>Users to simulate: the organic users, then the bots of a planted surge.</summary>
    public int TotalUsers => _settings.BaseUsers + _settings.SurgeBots;

    public void WriteGlobals()
    {
        _marketing.WriteCampaigns();
        _experiments.WriteExperimentsTable();
        _marketing.WriteMarketingSpend();
    }

    /// <summary>Signs the user up, then lives their account's life to the end of the window.</summary>
    public void SimulateUser(long userId)
    {
        _user.Begin(userId, KindOf(userId), _settings.Seed);
        var (signupDay, signupAt) = SignUp();
        var engagement = _user.Random.LogNormal(Signups.EngagementLogMean, Signups.EngagementLogSd)
            * PlatformEngagement[_user.Platform] * ChannelEngagement[_user.Channel] * _user.Country.Engagement;
        _user.PurchasePropensity = _user.Random.LogNormal(0, Signups.PurchasePropensityLogSd) * _user.Country.Purchase * PlatformPurchase[_user.Platform];
        _user.AdoptionLagSeconds = _user.Random.Exponential(Signups.MeanAdoptionLagDays) * Clock.Day;
        var inactive = _user.Kind == AccountKind.Person && _user.Random.Chance(ChannelInactive[_user.Channel]);
        _user.ResetActivity();
        _experiments.Enrol();
        if (_user.Plan > BillingSimulator.FreePlan)
        {
            _billing.Subscribe(signupAt);
        }
        if (!inactive)
        {
            switch (_user.Kind)
            {
                case AccountKind.SurgeBot:
                    _botsAndTestAccounts.SimulateSurgeBot();
                    break;
                case AccountKind.BaselineBot:
                    _botsAndTestAccounts.SimulateBaselineBot(signupDay, signupAt);
                    break;
                case AccountKind.TestAccount:
                    _botsAndTestAccounts.SimulateTestAccount(signupDay, signupAt);
                    break;
                default:
                    _sessions.SimulatePerson(signupDay, signupAt, engagement);
                    break;
            }
        }
        WriteChurnFeatures(signupDay);
    }

    private AccountKind KindOf(long userId) =>
        userId > _settings.BaseUsers ? AccountKind.SurgeBot
        : BotAndTestAccountSimulator.IsBaselineBot(userId) ? AccountKind.BaselineBot
        : BotAndTestAccountSimulator.IsTestAccount(userId) ? AccountKind.TestAccount
        : AccountKind.Person;

    /// <summary>Draws who the user is and when they sign up, and writes the users row.</summary>
    private (int Day, long At) SignUp()
    {
        ref var rng = ref _user.Random;
        _user.Country = Countries[rng.Pick(CountryCumulative)];
        var zone = _user.Country.Zones[rng.Pick(_user.Country.ZoneCumulative)];
        _user.OffsetMinutes = zone.OffsetMinutes;
        var countryMissing = rng.Chance(Signups.MissingCountryShare);
        _user.Platform = _user.IsBot ? Web : rng.Pick(_user.Country.PlatformCumulative);
        _user.Channel = rng.Pick(ChannelCumulative);
        var signupDay = _user.Kind == AccountKind.SurgeBot
            ? _settings.ChangeDay - 1 - rng.NextInt(Bots.SurgeSignupSpreadDays)
            : rng.Pick(_signupCumulative);
        var signupAt = _user.LocalToUtc(signupDay, _user.DrawLocalSecondOfDay());
        var planRoll = rng.NextDouble();
        _user.Plan = planRoll < Signups.FreePlanShare ? BillingSimulator.FreePlan
            : planRoll < Signups.FreeOrBasicPlanShare ? BillingSimulator.BasicPlan
            : BillingSimulator.ProPlan;

        var u = _users;
        u.Set(0, _user.Id);
        u.Set(1, signupAt);
        u.Set(2, zone.Name);
        u.Set(3, _user.OffsetMinutes);
        u.Set(4, countryMissing ? null : _user.Country.Code);
        u.Set(5, Platforms[_user.Platform]);
        u.Set(6, Channels[_user.Channel]);
        u.Set(7, Plans[_user.Plan]);
        u.Set(8, _user.IsTestAccount);
        _sink.Write(u);
        return (signupDay, signupAt);
    }

    /// <summary>The churn_features row (only when modeling leakage is planted, for users active before the snapshot).</summary>
    private void WriteChurnFeatures(int signupDay)
    {
        var tally = _user.ChurnTally;
        if (!_settings.ModelingLeakage || signupDay >= SnapshotDay || !tally.HadSessionBeforeSnapshot)
        {
            return;
        }
        var r = _churnFeatures;
        r.Set(0, _user.Id);
        r.Set(1, DayStart(SnapshotDay));
        r.Set(2, (long)(SnapshotDay - signupDay));
        r.Set(3, Platforms[_user.Platform]);
        r.Set(4, Plans[_user.PlanAtSnapshot]);
        r.Set(5, (long)tally.SessionsInFeatureWindow);
        r.Set(6, (long)tally.ActiveDaysInFeatureWindow);
        r.Set(7, (long)tally.PurchasesInFeatureWindow);
        r.Set(8, (long)tally.TicketsInFeatureWindow);
        r.Set(9, (DayStart(ChurnWindows.LabelEndDay) - tally.LastSessionStart) / Clock.Day);
        r.Set(10, (long)tally.SessionsUntilLabelEnd);
        r.Set(11, !tally.ActiveInLabelWindow);
        _sink.Write(r);
    }
}
