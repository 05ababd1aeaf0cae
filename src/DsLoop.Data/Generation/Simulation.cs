using DsLoop.Data.Scenarios;
using DsLoop.Data.Schema;
using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>
/// One generation pass: global tables, then each user simulated from its own random stream, writing rows
/// straight to the sink. Row ids come from counters, so a pass must visit users in order.
/// </summary>
internal sealed class Simulation
{
    private const ulong UserStream = 1;
    private const ulong BillingStream = 2;
    private const ulong ScenarioStream = 3;
    private const ulong GlobalStream = 4;
    private const ulong EligibleStream = 1_000;
    private const ulong VariantStream = 2_000;
    private const ulong LostLogStream = 3_000;

    /// <summary>Experiment 2 loses this share of Android treatment assignment logs when SRM is planted.</summary>
    public const double LostTreatmentLogShare = 0.15;

    internal sealed record Experiment(int Id, string Name, string Description, string Metric, int StartDay, int EndDay,
        double Traffic, double TreatmentShare, double ExposureChance);

    public static readonly Experiment[] Experiments =
    [
        new(1, "onboarding_checklist", "Treatment shows a progress checklist during onboarding.", "onboarding completion (step 5 reached)", 14, 56, 0.5, 0.5, 0.8),
        new(2, "checkout_redesign", "Treatment gets the one-page checkout.", "session purchase conversion", 70, 126, 1.0, 0.5, 0.5),
        new(3, "search_ranking_v2", "Treatment ranks search results with the new model.", "searches per session", 35, 91, 0.4, 0.5, 0.6),
    ];

    public const int CheckoutExperiment = 2;

    private readonly ulong _seed;
    private readonly int _baseUsers;
    private readonly KpiDropCause _cause;
    private readonly ExperimentPlan? _experimentPlan;
    private readonly bool _leakage;
    private readonly int _changeDay;
    private readonly long _changeStart;
    private readonly long _logsFrom;
    private readonly long _logsUntil;
    private readonly Release[][] _releases;
    private readonly IDatasetSink _sink;
    private readonly double[] _signupCumulative;

    private readonly DataRow _users = new(DatasetSchema.Users);
    private readonly DataRow _sessions = new(DatasetSchema.Sessions);
    private readonly DataRow _events = new(DatasetSchema.Events);
    private readonly DataRow _subscriptions = new(DatasetSchema.Subscriptions);
    private readonly DataRow _payments = new(DatasetSchema.Payments);
    private readonly DataRow _campaigns = new(DatasetSchema.Campaigns);
    private readonly DataRow _paymentCampaigns = new(DatasetSchema.PaymentCampaigns);
    private readonly DataRow _experiments = new(DatasetSchema.Experiments);
    private readonly DataRow _assignments = new(DatasetSchema.Assignments);
    private readonly DataRow _exposures = new(DatasetSchema.Exposures);
    private readonly DataRow _tickets = new(DatasetSchema.SupportTickets);
    private readonly DataRow _spend = new(DatasetSchema.MarketingSpend);
    private readonly DataRow _churn = new(DatasetSchema.ChurnFeatures);

    private readonly List<(int Id, int Channel, int StartDay, int EndDay)> _campaignList = [];

    private long _sessionId;
    private long _eventId;
    private long _subscriptionId;
    private long _paymentId;
    private long _ticketId;

    // Per-user state.
    private Rng _rng;
    private Rng _scenarioRng;
    private long _userId;
    private Country _country = Countries[0];
    private int _offsetMinutes;
    private int _platform;
    private int _channel;
    private bool _isBot;
    private bool _isTest;
    private double _purchasePropensity;
    private double _adoptionLagSeconds;
    private bool _duplicatesLogged;
    private int _userPlan;
    private bool _subscribed;
    private int _planAtSnapshot;
    private long _currentSessionId;
    private long _lastEventTime;
    private readonly List<string> _namesAtLastTime = [];
    private long _lastEventSession;
    private string? _currentVersion;
    private bool _logging = true;
    private readonly long[] _assignedAt = new long[Experiments.Length];
    private readonly long[] _exposedAt = new long[Experiments.Length];
    private readonly bool[] _treatment = new bool[Experiments.Length];
    private readonly bool[] _eligible = new bool[Experiments.Length];
    private bool _logLost;
    private int _sessions28;
    private int _activeDays28;
    private int _purchases28;
    private int _tickets28;
    private int _lifetimeSessions;
    private long _lastSessionStart;
    private bool _activeAfterSnapshot;
    private bool _hadSessionBeforeSnapshot;

    public Simulation(GenerationOptions options, IDatasetSink sink)
    {
        _seed = options.Seed;
        _baseUsers = options.Scale.Users;
        var scenarios = options.EffectiveScenarios;
        _cause = scenarios.KpiDrop;
        _experimentPlan = scenarios.Experiment;
        _leakage = scenarios.ModelingLeakage;
        _changeDay = scenarios.ChangeDay();
        _changeStart = DayStart(_changeDay);
        _releases = Releases(_cause == KpiDropCause.TrackingLoss ? _changeDay : DefaultChangeDay);
        _logsFrom = options.LogsFrom is { } from ? DayStart(DayOf(from)) : long.MinValue;
        _logsUntil = options.LogsUntil is { } until ? DayStart(DayOf(until)) : long.MaxValue;
        _sink = sink;
        var weights = new double[SignupDays];
        for (var d = 0; d < SignupDays; d++)
        {
            var weekend = Clock.DayOfWeek((DayStart(d) / Clock.Day)) >= 5;
            weights[d] = (weekend ? 0.75 : 1.0) * (1 + (d / 240.0));
        }
        _signupCumulative = Cumulative(weights);
        SurgeBots = _cause == KpiDropCause.BotSurge ? Math.Max(6, _baseUsers / 300) : 0;
    }

    /// <summary>Extra bot users appended after the organic users when a bot surge is planted (one per 300 users, at least 6).</summary>
    public int SurgeBots { get; }

    public int TotalUsers => _baseUsers + SurgeBots;

    /// <summary>About 0.5% of users are scripted web scrapers (see <see cref="SimulateBaselineBot"/>).</summary>
    public static bool IsBaselineBot(long userId) => userId % 199 == 13;

    /// <summary>About 0.5% of users are internal QA accounts, flagged in users (see <see cref="SimulateTestAccount"/>).</summary>
    public static bool IsTestAccount(long userId) => userId % 211 == 17;

    // ---------------------------------------------------------------- global tables

    public void WriteGlobals()
    {
        WriteCampaigns();
        WriteExperiments();
        WriteMarketingSpend();
    }

    private void WriteCampaigns()
    {
        var id = 0;
        for (var c = 0; c < CampaignChannels.Length; c++)
        {
            var channel = Array.IndexOf(Channels, CampaignChannels[c]);
            for (var i = 0; i < 6; i++)
            {
                var start = Math.Max(0, (i * 28) - 14 + (c * 3));
                var end = Math.Min(WindowDays - 1, (i * 28) + 41 + (c * 3));
                if (start >= end)
                {
                    continue;
                }
                id++;
                _campaignList.Add((id, channel, start, end));
                var r = _campaigns;
                r.Set(0, id);
                r.Set(1, $"{CampaignChannels[c]}_{Clock.FormatDate(DayStart(start))[..7].Replace("-", "_", StringComparison.Ordinal)}_{i + 1}");
                r.Set(2, CampaignChannels[c]);
                r.Set(3, DayStart(start));
                r.Set(4, DayStart(end));
                _sink.Write(r);
            }
        }
    }

    private void WriteExperiments()
    {
        foreach (var e in Experiments)
        {
            var r = _experiments;
            r.Set(0, e.Id);
            r.Set(1, e.Name);
            r.Set(2, e.Description);
            r.Set(3, e.Metric);
            r.Set(4, DayStart(e.StartDay));
            r.Set(5, DayStart(e.EndDay));
            r.Set(6, e.Traffic);
            r.Set(7, e.TreatmentShare);
            _sink.Write(r);
        }
    }

    private void WriteMarketingSpend()
    {
        var rng = Rng.For(_seed, GlobalStream, 1);
        var scale = _baseUsers / 2_000.0;
        for (var d = 0; d < WindowDays; d++)
        {
            var weekend = Clock.DayOfWeek(DayStart(d) / Clock.Day) >= 5;
            for (var c = 0; c < SpendChannels.Length; c++)
            {
                var spend = Math.Round(SpendBase[c] * scale * (weekend ? 0.7 : 1.0) * (1 + (d / 300.0)) * rng.LogNormal(0, 0.18), 2);
                var impressions = (long)(spend / CostPerMille[c] * 1000 * rng.LogNormal(0, 0.1));
                var clicks = (long)(impressions * ClickThrough[c] * rng.LogNormal(0, 0.12));
                var r = _spend;
                r.Set(0, DayStart(d));
                r.Set(1, SpendChannels[c]);
                r.Set(2, spend);
                r.Set(3, impressions);
                r.Set(4, clicks);
                _sink.Write(r);
            }
        }
    }

    // ---------------------------------------------------------------- users

    public void SimulateUser(long userId)
    {
        _userId = userId;
        _rng = Rng.For(_seed, UserStream, (ulong)userId);
        _scenarioRng = Rng.For(_seed, ScenarioStream, (ulong)userId);
        var surgeBot = userId > _baseUsers;
        _isBot = surgeBot || IsBaselineBot(userId);
        var isTest = !_isBot && IsTestAccount(userId);
        _isTest = isTest;

        _country = Countries[_rng.Pick(CountryCumulative)];
        var zone = _country.Zones[_rng.Pick(_country.ZoneCumulative)];
        _offsetMinutes = zone.OffsetMinutes;
        var countryMissing = _rng.Chance(0.03);
        _platform = _isBot ? Web : _rng.Pick(_country.PlatformCumulative);
        _channel = _rng.Pick(ChannelCumulative);
        var signupDay = surgeBot ? _changeDay - 1 - _rng.NextInt(3) : _rng.Pick(_signupCumulative);
        var signupAt = LocalToUtc(signupDay, LocalSecondOfDay());
        var planRoll = _rng.NextDouble();
        _userPlan = planRoll < 0.9 ? 0 : planRoll < 0.97 ? 1 : 2;

        var u = _users;
        u.Set(0, userId);
        u.Set(1, signupAt);
        u.Set(2, zone.Name);
        u.Set(3, _offsetMinutes);
        u.Set(4, countryMissing ? null : _country.Code);
        u.Set(5, Platforms[_platform]);
        u.Set(6, Channels[_channel]);
        u.Set(7, Plans[_userPlan]);
        u.Set(8, isTest);
        _sink.Write(u);

        var lambda = _rng.LogNormal(-0.1, 0.6) * PlatformEngagement[_platform] * ChannelEngagement[_channel] * _country.Engagement;
        _purchasePropensity = _rng.LogNormal(0, 0.5) * _country.Purchase * PlatformPurchase[_platform];
        _adoptionLagSeconds = _rng.Exponential(3) * Clock.Day;
        var inactive = !_isBot && !isTest && _rng.Chance(ChannelInactive[_channel]);
        ResetUserState();
        if (_userPlan > 0)
        {
            StartSubscription(signupAt);
        }
        if (inactive)
        {
            FinishUser(signupDay);
            return;
        }
        if (surgeBot)
        {
            SimulateSurgeBot();
            FinishUser(signupDay);
            return;
        }
        if (_isBot)
        {
            SimulateBaselineBot(signupDay, signupAt);
            FinishUser(signupDay);
            return;
        }
        if (isTest)
        {
            SimulateTestAccount(signupDay, signupAt);
            FinishUser(signupDay);
            return;
        }

        Span<long> starts = stackalloc long[8];
        var firstSession = true;
        for (var day = signupDay; day < WindowDays; day++)
        {
            var weekend = Clock.DayOfWeek(DayStart(day) / Clock.Day) >= 5;
            var holiday = _cause == KpiDropCause.Holiday && _country.Code == "US" && day is >= HolidayStartDay and < HolidayEndDay;
            int count;
            if (day == signupDay)
            {
                count = 1;
                starts[0] = signupAt + 5 + _rng.NextInt(40);
            }
            else
            {
                var age = day - signupDay;
                var p = Math.Min(0.92, 0.42 * lambda * Math.Pow(age, -0.6));
                p *= weekend ? 0.62 : 1.0;
                var roll = _rng.NextDouble();
                if (holiday)
                {
                    p *= 0.5;
                }
                if (roll >= p)
                {
                    continue;
                }
                count = 1 + Math.Min(5, _rng.Poisson(0.3 * lambda));
                for (var i = 0; i < count; i++)
                {
                    starts[i] = LocalToUtc(day, LocalSecondOfDay());
                }
                starts[..count].Sort();
            }
            var activeToday = false;
            for (var i = 0; i < count; i++)
            {
                if (starts[i] >= WindowEnd)
                {
                    break;
                }
                Session(starts[i], firstSession, holiday);
                firstSession = false;
                activeToday = true;
            }
            if (activeToday && day is >= SnapshotDay - 28 and < SnapshotDay)
            {
                _activeDays28++;
            }
        }
        FinishUser(signupDay);
    }

    private void ResetUserState()
    {
        _subscribed = false;
        _planAtSnapshot = _userPlan;
        _sessions28 = _activeDays28 = _purchases28 = _tickets28 = _lifetimeSessions = 0;
        _lastSessionStart = 0;
        _activeAfterSnapshot = false;
        _hadSessionBeforeSnapshot = false;
        _logLost = false;
        for (var e = 0; e < Experiments.Length; e++)
        {
            var x = Experiments[e];
            _assignedAt[e] = 0;
            _exposedAt[e] = 0;
            _eligible[e] = Rng.Unit(Rng.Hash(_seed, EligibleStream + (ulong)x.Id, (ulong)_userId)) < x.Traffic;
            _treatment[e] = Rng.Unit(Rng.Hash(_seed, VariantStream + (ulong)x.Id, (ulong)_userId)) < x.TreatmentShare;
        }
        _logLost = _experimentPlan is { SampleRatioMismatch: true } && _platform == Android && _treatment[CheckoutExperiment - 1]
            && Rng.Unit(Rng.Hash(_seed, LostLogStream, (ulong)_userId)) < LostTreatmentLogShare;
    }

    private void FinishUser(int signupDay)
    {
        if (!_leakage || signupDay >= SnapshotDay || !_hadSessionBeforeSnapshot)
        {
            return;
        }
        var r = _churn;
        r.Set(0, _userId);
        r.Set(1, DayStart(SnapshotDay));
        r.Set(2, (long)(SnapshotDay - signupDay));
        r.Set(3, Platforms[_platform]);
        r.Set(4, Plans[_planAtSnapshot]);
        r.Set(5, (long)_sessions28);
        r.Set(6, (long)_activeDays28);
        r.Set(7, (long)_purchases28);
        r.Set(8, (long)_tickets28);
        r.Set(9, (DayStart(SnapshotDay + 28) - _lastSessionStart) / Clock.Day);
        r.Set(10, (long)_lifetimeSessions);
        r.Set(11, !_activeAfterSnapshot);
        _sink.Write(r);
    }

    private int LocalSecondOfDay() => (_rng.Pick(HourCumulative) * 3600) + _rng.NextInt(3600);

    private long LocalToUtc(int day, int localSecond) => DayStart(day) + localSecond - (_offsetMinutes * 60L);

    private string? VersionAt(long time)
    {
        var releases = _releases[_platform];
        string? version = null;
        var effective = time - (long)_adoptionLagSeconds;
        foreach (var release in releases)
        {
            if (DayStart(release.Day) <= effective)
            {
                version = release.Version;
            }
        }
        return version;
    }

    // ---------------------------------------------------------------- sessions and events

    /// <summary>Whether a session starting at <paramref name="start"/> is written (partial logs keep one window).</summary>
    private bool InLoggedWindow(long start) => start >= _logsFrom && start < _logsUntil;

    private void Session(long start, bool first, bool holiday)
    {
        _currentSessionId = ++_sessionId;
        _logging = InLoggedWindow(start);
        _currentVersion = _platform == Web ? null : VersionAt(start);
        _duplicatesLogged = _platform == Android && _currentVersion == DuplicatingVersion;
        var day = (int)((start - WindowStart) / Clock.Day);
        if (day < SnapshotDay + 28)
        {
            _lifetimeSessions++;
            _lastSessionStart = start;
        }
        if (day is >= SnapshotDay - 28 and < SnapshotDay)
        {
            _sessions28++;
        }
        if (day < SnapshotDay)
        {
            _hadSessionBeforeSnapshot = true;
        }
        else if (day < SnapshotDay + 28)
        {
            _activeAfterSnapshot = true;
        }

        var purchaseLift = ExperimentsAtSessionStart(start);
        var t = start;
        if (_isBot)
        {
            var n = 110 + _rng.NextInt(290);
            for (var i = 0; i < n; i++)
            {
                Event(t, (i & 3) == 3 ? "search" : "page_view", null, null, null);
                t += _rng.NextInt(2);
            }
        }
        else
        {
            if (first)
            {
                Onboarding(ref t);
            }
            var count = 1 + _rng.Poisson(2.4);
            var view = _platform == Web ? "page_view" : "screen_view";
            for (var i = 0; i < count; i++)
            {
                t += Gap();
                var kind = _rng.NextDouble();
                if (kind < 0.55)
                {
                    Event(t, view, null, null, null);
                }
                else if (kind < 0.8)
                {
                    Event(t, "feature_use", null, Features[_rng.Pick(FeatureCumulative)], null);
                }
                else
                {
                    Event(t, "search", null, null, null);
                }
            }
            Checkout(ref t, day, holiday, purchaseLift);
            MaybeTicket(start, day);
            MaybeConvert(start);
        }
        var end = t + 10 + (long)_rng.Exponential(45);
        var s = _sessions;
        s.Set(0, _currentSessionId);
        s.Set(1, _userId);
        s.Set(2, start);
        s.Set(3, end);
        s.Set(4, Platforms[_platform]);
        s.Set(5, _currentVersion);
        if (_logging)
        {
            _sink.Write(s);
        }
    }

    private long Gap() => _rng.Chance(0.12) ? 0 : 1 + (long)_rng.Exponential(22);

    private void Onboarding(ref long t)
    {
        var cont = OnboardingContinue[_platform];
        for (var step = 1; step <= 5; step++)
        {
            Event(t, "onboarding_step", step, null, null);
            if (step == 5 || !_rng.Chance(cont[step - 1]))
            {
                return;
            }
            t += 3 + (long)_rng.Exponential(25);
        }
    }

    /// <summary>Assignment and exposure; returns the relative purchase lift that applies to this session.</summary>
    private double ExperimentsAtSessionStart(long start)
    {
        var lift = 0.0;
        for (var e = 0; e < Experiments.Length; e++)
        {
            var x = Experiments[e];
            if (!_eligible[e] || start < DayStart(x.StartDay) || start >= DayStart(x.EndDay))
            {
                continue;
            }
            var variant = _treatment[e] ? "treatment" : "control";
            var logged = !(x.Id == CheckoutExperiment && _logLost);
            if (_assignedAt[e] == 0)
            {
                _assignedAt[e] = start;
                if (logged)
                {
                    var a = _assignments;
                    a.Set(0, _userId);
                    a.Set(1, x.Id);
                    a.Set(2, variant);
                    a.Set(3, start);
                    _sink.Write(a);
                }
            }
            if (_exposedAt[e] == 0 && _rng.Chance(x.ExposureChance))
            {
                _exposedAt[e] = start + 2 + _rng.NextInt(20);
                if (logged)
                {
                    var r = _exposures;
                    r.Set(0, _userId);
                    r.Set(1, x.Id);
                    r.Set(2, variant);
                    r.Set(3, _exposedAt[e]);
                    _sink.Write(r);
                }
            }
            if (x.Id == CheckoutExperiment && _exposedAt[e] != 0 && _treatment[e] && _experimentPlan is { } plan)
            {
                var daysSince = (start - _exposedAt[e] + 60) / (double)Clock.Day;
                lift = plan.RelativeLift + (plan.NoveltyBoost * Math.Pow(0.5, Math.Max(0, daysSince) / plan.NoveltyHalfLifeDays));
            }
        }
        return lift;
    }

    private void Checkout(ref long t, int day, bool holiday, double lift)
    {
        var afterChange = day >= _changeDay;
        var cartChance = _isTest ? 0.5 : Math.Min(0.6, 0.15 * _purchasePropensity);
        if (!_rng.Chance(cartChance))
        {
            return;
        }
        var usd = Math.Round(_rng.Chance(0.03) ? _rng.Pareto(60, 1.3) : _rng.LogNormal(2.4, 0.9), 2);
        if (_isTest)
        {
            // QA buys with test cards: nothing, or a small test product that is often refunded.
            usd = _rng.Chance(0.4) ? 0 : 0.99 + _rng.NextInt(10);
        }
        var priceRise = _cause == KpiDropCause.PriceChange && afterChange && _country.Currency == "EUR";
        if (priceRise)
        {
            usd = Math.Round(usd * 1.3, 2);
        }
        t += Gap();
        Event(t, "add_to_cart", null, null, usd);
        var p = 0.45 * (1 + lift);
        if (holiday)
        {
            p *= 0.35;
        }
        if (priceRise)
        {
            // Steep on purpose: EUR users are about 12% of sessions, and a milder effect let the overall KPI rise on
            // some start dates (late-November swings), which breaks the case's premise that the dashboard shows a drop.
            p *= 0.25;
        }
        if (_cause == KpiDropCause.FunnelRegression && afterChange && _platform == Android)
        {
            p *= 0.35;
        }
        if (!_rng.Chance(Math.Min(0.95, p)))
        {
            return;
        }
        t += 5 + (long)_rng.Exponential(40);
        Event(t, "purchase", null, null, usd);
        if (day is >= SnapshotDay - 28 and < SnapshotDay)
        {
            _purchases28++;
        }
        var status = _rng.Chance(_isTest ? 0.5 : 0.04) ? "refunded" : "succeeded";
        Payment(null, "in_app", usd, t, status);
    }

    /// <summary>
    /// A scripted web scraper: it lives for a few days to a few weeks and runs on most of them at the same minute of
    /// the UTC day, whatever the user's time zone, firing 110-400 page views and searches about one a second; it never
    /// onboards, buys or files tickets.
    /// </summary>
    private void SimulateBaselineBot(int signupDay, long signupAt)
    {
        var lastDay = Math.Min(WindowDays, signupDay + 2 + (int)_rng.Exponential(6));
        var minuteOfDay = _rng.NextInt(24 * 60);
        var previous = signupAt + 5 + _rng.NextInt(40);
        Session(previous, false, false);
        for (var day = signupDay + 1; day < lastDay; day++)
        {
            if (!_rng.Chance(0.7))
            {
                continue;
            }
            var start = DayStart(day) + (minuteOfDay * 60L) + _rng.NextInt(30);
            if (start >= WindowEnd)
            {
                return;
            }
            if (start > previous + 3_600) // the local sign-up day can end before the next UTC run starts
            {
                Session(start, false, false);
                previous = start;
            }
        }
    }

    /// <summary>
    /// An internal QA account: after sign-up it is used only on test days (about one weekday in eight), in bursts of
    /// 2-6 sessions within local working hours, and it buys with test cards (zero amounts, often refunded).
    /// </summary>
    private void SimulateTestAccount(int signupDay, long signupAt)
    {
        Session(signupAt + 5 + _rng.NextInt(40), true, false);
        Span<long> starts = stackalloc long[6];
        for (var day = signupDay + 1; day < WindowDays; day++)
        {
            if (Clock.DayOfWeek(DayStart(day) / Clock.Day) >= 5 || !_rng.Chance(0.12))
            {
                continue;
            }
            var count = 2 + _rng.NextInt(5);
            for (var i = 0; i < count; i++)
            {
                starts[i] = LocalToUtc(day, (9 * 3600) + _rng.NextInt(9 * 3600));
            }
            starts[..count].Sort();
            foreach (var start in starts[..count])
            {
                if (start >= WindowEnd)
                {
                    return;
                }
                Session(start, false, false);
            }
        }
    }

    /// <summary>
    /// A bot of a planted surge: from the change day, 14 short web sessions a day at random times, each three page views
    /// about a second apart. Their sessions add about three quarters of the humans' to the count, so the KPI falls by ~40%.
    /// </summary>
    private void SimulateSurgeBot()
    {
        for (var day = _changeDay; day < WindowDays; day++)
        {
            for (var i = 0; i < 14; i++)
            {
                var start = DayStart(day) + _rng.NextInt((int)Clock.Day);
                _currentSessionId = ++_sessionId;
                _logging = InLoggedWindow(start);
                _currentVersion = null;
                _duplicatesLogged = false;
                var t = start;
                for (var k = 0; k < 3; k++)
                {
                    Event(t, "page_view", null, null, null);
                    t += _rng.NextInt(2);
                }
                var s = _sessions;
                s.Set(0, _currentSessionId);
                s.Set(1, _userId);
                s.Set(2, start);
                s.Set(3, t + 1);
                s.Set(4, Platforms[_platform]);
                s.Set(5, (string?)null);
                if (_logging)
                {
                    _sink.Write(s);
                }
            }
        }
    }

    /// <summary>Logs one client event, applying the messy realities and any planted measurement fault.</summary>
    private void Event(long t, string name, int? step, string? feature, double? amountUsd)
    {
        // Ties happen, but only between different events: a same-name, same-second pair is a double fire.
        if (_lastEventSession != _currentSessionId || t > _lastEventTime)
        {
            _namesAtLastTime.Clear();
            _lastEventTime = t;
        }
        else if (_namesAtLastTime.Contains(name))
        {
            _namesAtLastTime.Clear();
            t = ++_lastEventTime;
        }
        else
        {
            t = _lastEventTime;
        }
        _namesAtLastTime.Add(name);
        _lastEventSession = _currentSessionId;
        // Every random draw happens before any planted fault decides to drop the event, so a scenario
        // changes only what it plants and the rest of the dataset stays identical to the baseline.
        var received = t + ArrivalDelay();
        var duplicate = _duplicatesLogged && _rng.Chance(0.4);
        var duplicateDelay = duplicate ? _rng.NextInt(3) : 0;
        var afterChange = t >= _changeStart;
        if (_cause == KpiDropCause.TrackingLoss && _platform == Ios && _currentVersion == "5.3.0"
            && name is "purchase" or "add_to_cart" && _scenarioRng.Chance(0.75))
        {
            return;
        }
        if (_cause == KpiDropCause.LoggingSchemaChange && _platform == Web && afterChange && name == "purchase")
        {
            name = "order_completed";
        }
        if (received >= WindowEnd)
        {
            return; // not yet arrived when the data was extracted
        }
        var logged = _cause == KpiDropCause.TimezoneBug && _platform == Android && afterChange ? t + (_offsetMinutes * 60L) : t;
        WriteEvent(logged, received, name, step, feature, amountUsd);
        if (duplicate)
        {
            WriteEvent(logged, received + duplicateDelay, name, step, feature, amountUsd);
        }
    }

    /// <summary>
    /// Seconds from an event to its arrival, one continuous heavy-tailed distribution: web clients are online (about a
    /// second); apps mostly send within seconds, batch some events for minutes to hours, and devices that were
    /// offline upload hours to days later (about 3% of app events arrive more than a day late). The pipeline drops
    /// anything older than 30 days, so no delay is longer.
    /// </summary>
    private long ArrivalDelay()
    {
        var roll = _rng.NextDouble();
        var seconds = _platform == Web ? _rng.LogNormal(-0.3, 0.8)
            : roll < 0.8 ? _rng.LogNormal(0.7, 0.9)
            : roll < 0.95 ? _rng.LogNormal(Math.Log(600), 1.5)
            : _rng.LogNormal(Math.Log(30 * 3600), 0.9);
        return (long)Math.Min(seconds, 30 * Clock.Day);
    }

    private void WriteEvent(long t, long received, string name, int? step, string? feature, double? amountUsd)
    {
        var id = ++_eventId; // counted even when not written, so partial logs keep the whole dataset's ids
        if (!_logging)
        {
            return;
        }
        var e = _events;
        e.Set(0, id);
        e.Set(1, _userId);
        e.Set(2, _currentSessionId);
        e.Set(3, t);
        e.Set(4, received);
        e.Set(5, name);
        e.Set(6, step);
        e.Set(7, feature);
        if (amountUsd is { } a)
        {
            e.Set(8, a);
        }
        else
        {
            e.SetNull(8);
        }
        e.Set(9, Platforms[_platform]);
        e.Set(10, _currentVersion);
        _sink.Write(e);
    }

    // ---------------------------------------------------------------- support

    private void MaybeTicket(long sessionStart, int day)
    {
        var chance = 0.006 * (_subscribed ? 1.6 : 1.0);
        var x = CheckoutExperiment - 1;
        if (_experimentPlan is { } plan && _treatment[x] && _exposedAt[x] != 0 && sessionStart < DayStart(Experiments[x].EndDay))
        {
            chance *= 1 + plan.GuardrailRelativeChange;
        }
        if (_rng.Chance(chance))
        {
            Ticket(sessionStart + 60 + _rng.NextInt(3_600), TicketCategories[_rng.Pick(TicketCategoryCumulative)], day);
        }
    }

    private void Ticket(long created, string category, int day)
    {
        if (created >= WindowEnd)
        {
            return;
        }
        if (day is >= SnapshotDay - 28 and < SnapshotDay)
        {
            _tickets28++;
        }
        var resolved = created + (long)(_rng.LogNormal(Math.Log(18), 1.0) * 3600);
        var open = resolved >= WindowEnd || _rng.Chance(0.04);
        var r = _tickets;
        r.Set(0, ++_ticketId);
        r.Set(1, _userId);
        r.Set(2, created);
        r.Set(3, category);
        r.Set(4, Priorities[_rng.Pick(PriorityCumulative)]);
        r.Set(5, open ? "open" : "resolved");
        r.Set(6, open ? null : resolved);
        r.Set(7, open || _rng.Chance(0.45) ? null : Math.Min(5, 1 + _rng.Poisson(2.6)));
        _sink.Write(r);
    }

    // ---------------------------------------------------------------- billing

    private void MaybeConvert(long sessionStart)
    {
        if (_subscribed || _userPlan > 0 || !_rng.Chance(0.012 * Math.Min(3, _purchasePropensity)))
        {
            return;
        }
        _userPlan = _rng.Chance(0.7) ? 1 : 2;
        StartSubscription(sessionStart + 30 + _rng.NextInt(600));
    }

    /// <summary>Simulates a subscription from its start to the end of the window, on the user's billing stream.</summary>
    private void StartSubscription(long start)
    {
        _subscribed = true;
        var rng = Rng.For(_seed, BillingStream, (ulong)_userId);
        var plan = _userPlan;
        long? previous = null;
        var periodStart = start;
        var rowStart = start;
        var id = ++_subscriptionId;
        var snapshot = DayStart(SnapshotDay);
        while (true)
        {
            if (periodStart >= WindowEnd)
            {
                WriteSubscription(id, plan, rowStart, null, "active", null, previous);
                NotePlanAtSnapshot(plan, rowStart, WindowEnd, snapshot);
                return;
            }
            var failed = rng.Chance(0.04);
            if (failed)
            {
                Payment(id, "subscription", PlanPriceUsd[plan], periodStart, "failed", ref rng);
                if (rng.Chance(0.3))
                {
                    Ticket(periodStart + 3_600 + rng.NextInt(20_000), "billing", (int)((periodStart - WindowStart) / Clock.Day));
                }
                if (rng.Chance(0.5))
                {
                    var end = periodStart + (3 * Clock.Day);
                    End(id, plan, rowStart, end, "cancelled", "payment_failed", previous, snapshot);
                    return;
                }
                Payment(id, "subscription", PlanPriceUsd[plan], periodStart + Clock.Day, "succeeded", ref rng);
            }
            else
            {
                Payment(id, "subscription", PlanPriceUsd[plan], periodStart, rng.Chance(0.03) ? "refunded" : "succeeded", ref rng);
            }
            var roll = rng.NextDouble();
            var changeAt = periodStart + rng.NextInt(30 * (int)Clock.Day);
            if (roll < 0.1)
            {
                End(id, plan, rowStart, changeAt, "cancelled", "voluntary_cancel", previous, snapshot);
                return;
            }
            if (roll < 0.17 && changeAt < WindowEnd)
            {
                var upgrade = plan == 1;
                End(id, plan, rowStart, changeAt, upgrade ? "upgraded" : "downgraded", upgrade ? "upgrade" : "downgrade", previous, snapshot);
                previous = id;
                id = ++_subscriptionId;
                plan = upgrade ? 2 : 1;
                rowStart = changeAt;
                periodStart = changeAt;
                continue;
            }
            periodStart += 30 * Clock.Day;
        }
    }

    private void End(long id, int plan, long start, long end, string status, string reason, long? previous, long snapshot)
    {
        if (end >= WindowEnd)
        {
            WriteSubscription(id, plan, start, null, "active", null, previous);
            NotePlanAtSnapshot(plan, start, WindowEnd, snapshot);
            return;
        }
        WriteSubscription(id, plan, start, end, status, reason, previous);
        NotePlanAtSnapshot(plan, start, end, snapshot);
    }

    private void NotePlanAtSnapshot(int plan, long start, long end, long snapshot)
    {
        if (start <= snapshot && snapshot < end)
        {
            _planAtSnapshot = plan;
        }
    }

    private void WriteSubscription(long id, int plan, long start, long? end, string status, string? reason, long? previous)
    {
        var r = _subscriptions;
        r.Set(0, id);
        r.Set(1, _userId);
        r.Set(2, Plans[plan]);
        r.Set(3, PlanPriceUsd[plan]);
        r.Set(4, start);
        r.Set(5, end);
        r.Set(6, status);
        r.Set(7, reason);
        r.Set(8, previous);
        _sink.Write(r);
    }

    private void Payment(long? subscriptionId, string kind, double usd, long paidAt, string status) =>
        Payment(subscriptionId, kind, usd, paidAt, status, ref _rng);

    private void Payment(long? subscriptionId, string kind, double usd, long paidAt, string status, ref Rng rng)
    {
        if (paidAt >= WindowEnd)
        {
            return;
        }
        var local = Math.Round(usd / _country.UsdPerUnit, _country.CurrencyDecimals);
        var amountUsd = Math.Round(local * _country.UsdPerUnit, 2);
        long? refundedAt = null;
        if (status == "refunded")
        {
            refundedAt = paidAt + Clock.Day + rng.NextInt(10 * (int)Clock.Day);
            if (refundedAt >= WindowEnd)
            {
                refundedAt = null;
                status = "succeeded";
            }
        }
        var id = ++_paymentId;
        var r = _payments;
        r.Set(0, id);
        r.Set(1, _userId);
        r.Set(2, subscriptionId);
        r.Set(3, kind);
        r.Set(4, local);
        r.Set(5, _country.Currency);
        r.Set(6, amountUsd);
        r.Set(7, paidAt);
        r.Set(8, status);
        r.Set(9, refundedAt);
        _sink.Write(r);
        if (status != "failed")
        {
            Attribute(id, (int)((paidAt - WindowStart) / Clock.Day), ref rng);
        }
    }

    /// <summary>
    /// Multi-touch attribution: one payment credited to up to three campaigns (the many-to-many trap). Most payments
    /// are touched by every live campaign of the user's channel and often by an e-mail campaign too, so summing
    /// amounts after the join roughly doubles revenue.
    /// </summary>
    private void Attribute(long paymentId, int day, ref Rng rng)
    {
        Span<int> chosen = stackalloc int[3];
        var n = 0;
        var channel = _channel == Organic ? EmailChannel : _channel;
        if (_channel != Organic || rng.Chance(0.6))
        {
            var wanted = 2 + rng.NextInt(2);
            foreach (var c in _campaignList)
            {
                if (n < wanted && c.Channel == channel && c.StartDay <= day && day <= c.EndDay)
                {
                    chosen[n++] = c.Id;
                }
            }
        }
        if (n > 0 && n < 3 && channel != EmailChannel && rng.Chance(0.8))
        {
            foreach (var c in _campaignList)
            {
                if (c.Channel == EmailChannel && c.StartDay <= day && day <= c.EndDay)
                {
                    chosen[n++] = c.Id;
                    break;
                }
            }
        }
        for (var i = 0; i < n; i++)
        {
            var r = _paymentCampaigns;
            r.Set(0, paymentId);
            r.Set(1, chosen[i]);
            r.Set(2, 1.0 / n);
            _sink.Write(r);
        }
    }
}
