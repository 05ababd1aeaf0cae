using DsLoop.Data.Scenarios;
using DsLoop.Data.Schema;
using static DsLoop.Data.Generation.BehaviourConstants;
using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>
/// A person's days and sessions: whether they come back each day, how many sessions they open, and within a session
/// onboarding, browsing and checkout, then the chance of a support ticket and of subscribing; writes sessions rows.
/// </summary>
internal sealed class SessionSimulator
{
    private readonly UserState _user;
    private readonly IDatasetSink _sink;
    private readonly SimulationSettings _settings;
    private readonly EventLog _events;
    private readonly ExperimentSimulator _experiments;
    private readonly SupportSimulator _support;
    private readonly BillingSimulator _billing;
    private readonly DataRow _row = new(DatasetSchema.Sessions);
    private long _sessionId;
    private bool _longSessionPlanted;
    private int _buyNowLeft = Boundaries.BuyNowPurchases;
    private readonly bool[] _purchaseAtEndPlanted = new bool[Experiments.All.Length];
    private readonly bool[] _lostPurchasesPlanted = new bool[Experiments.All.Length];

    public SessionSimulator(SimulationSettings settings, UserState user, IDatasetSink sink, EventLog events,
        ExperimentSimulator experiments, SupportSimulator support, BillingSimulator billing)
    {
        _settings = settings;
        _user = user;
        _sink = sink;
        _events = events;
        _experiments = experiments;
        _support = support;
        _billing = billing;
    }

    /// <summary>
    /// Walks a person's calendar from sign-up to the end of the window: a first session right after signing up, then
    /// on each later day a chance to return that fades with account age and is lower at weekends and on a planted
    /// holiday, with one or more sessions at local times drawn from the hour-of-day profile.
    /// </summary>
    public void SimulatePerson(int signupDay, long signupAt, double engagement)
    {
        ref var rng = ref _user.Random;
        Span<long> starts = stackalloc long[1 + Activity.MaxExtraSessionsPerDay];
        var firstSession = true;
        for (var day = signupDay; day < WindowDays; day++)
        {
            var weekend = SimulationCalendar.IsWeekend(day);
            var holiday = _settings.Cause == KpiDropCause.Holiday && _user.Country.Code == Planted.HolidayCountry
                && day is >= HolidayStartDay and < HolidayEndDay;
            int count;
            if (day == signupDay)
            {
                count = 1;
                starts[0] = FirstSessionStart(signupAt);
            }
            else
            {
                var age = day - signupDay;
                var p = Math.Min(Activity.MaxReturnChance, Activity.ReturnChanceScale * engagement * Math.Pow(age, Activity.ReturnDecayExponent));
                p *= weekend ? Activity.WeekendReturnFactor : 1.0;
                var roll = rng.NextDouble();
                if (holiday)
                {
                    p *= Planted.HolidayReturnFactor;
                }
                if (roll >= p)
                {
                    continue;
                }
                count = 1 + Math.Min(Activity.MaxExtraSessionsPerDay, rng.Poisson(Activity.ExtraSessionsPerEngagement * engagement));
                for (var i = 0; i < count; i++)
                {
                    starts[i] = _user.LocalToUtc(day, _user.DrawLocalSecondOfDay());
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
                Simulate(starts[i], firstSession, holiday);
                firstSession = false;
                activeToday = true;
            }
            if (activeToday)
            {
                _user.ChurnTally.CountActiveDay(day);
            }
        }
    }

    /// <summary>When the session right after sign-up starts.</summary>
    public long FirstSessionStart(long signupAt) =>
        signupAt + Activity.FirstSessionMinDelaySeconds + _user.Random.NextInt(Activity.FirstSessionDelaySpreadSeconds);

    /// <summary>Simulates one session: its events (a bot's scripted run, or a person's visit) and its row.</summary>
    public void Simulate(long start, bool first, bool holiday)
    {
        ref var rng = ref _user.Random;
        Open(start);
        var day = SimulationCalendar.DayIndexOf(start);
        _user.ChurnTally.CountSession(day, start);
        var purchaseLift = _experiments.AssignAndExpose(start);
        var t = start;
        if (_user.IsBot)
        {
            var n = Bots.MinEventsPerRun + rng.NextInt(Bots.EventsPerRunSpread);
            if (_user.ThrottledBot)
            {
                n = Boundaries.ThrottledBotEventsPerRun;
            }
            for (var i = 0; i < n; i++)
            {
                _events.Log(t, i % Bots.SearchEveryNthEvent == Bots.SearchEveryNthEvent - 1 ? "search" : "page_view");
                t += rng.NextInt(Bots.EventGapSpreadSeconds);
            }
        }
        else
        {
            if (first)
            {
                Onboard(ref t);
            }
            if (!first && IsLongSessionCandidate(start))
            {
                _longSessionPlanted = true;
                LongBrowse(ref t);
            }
            else
            {
                Browse(ref t);
                if (PurchaseAtEndCandidate(start, t) is { } experiment)
                {
                    CheckoutAtEnd(ref t, day, experiment);
                }
                else
                {
                    Checkout(ref t, day, holiday, purchaseLift);
                }
            }
            _user.SearchedBefore |= _user.SessionHasSearch;
            _support.MaybeOpenTicket(start, day);
            _billing.MaybeSubscribe(start);
        }
        Close(start, t + Browsing.SessionTailMinSeconds + (long)rng.Exponential(Browsing.SessionTailMeanSeconds));
    }

    /// <summary>Starts a session at <paramref name="start"/>: a new id, whether it is logged, and the app version in use.</summary>
    public void Open(long start)
    {
        _user.SessionId = ++_sessionId;
        _user.SessionHasSearch = false;
        _user.SessionLogged = _settings.InLoggedWindow(start);
        _user.AppVersion = _user.Platform == Web ? null : VersionAt(start);
        _user.DoubleFiresEvents = _user.Platform == Android && _user.AppVersion == DuplicatingVersion;
    }

    /// <summary>Writes the current session's row, if its logs are kept.</summary>
    public void Close(long start, long end)
    {
        var s = _row;
        s.Set(0, _user.SessionId);
        s.Set(1, _user.Id);
        s.Set(2, start);
        s.Set(3, end);
        s.Set(4, Platforms[_user.Platform]);
        s.Set(5, _user.AppVersion);
        if (_user.SessionLogged)
        {
            _sink.Write(s);
        }
    }

    private string? VersionAt(long time)
    {
        var releases = _settings.Releases[_user.Platform];
        string? version = null;
        var effective = time - (long)_user.AdoptionLagSeconds;
        foreach (var release in releases)
        {
            if (DayStart(release.Day) <= effective)
            {
                version = release.Version;
            }
        }
        return version;
    }

    private long Gap() =>
        _user.Random.Chance(Browsing.SameSecondChance) ? 0 : Browsing.MinGapSeconds + (long)_user.Random.Exponential(Browsing.GapMeanSeconds);

    private void Onboard(ref long t)
    {
        ref var rng = ref _user.Random;
        var continuation = OnboardingContinue[_user.Platform];
        for (var step = 1; step <= Browsing.OnboardingSteps; step++)
        {
            _events.Log(t, "onboarding_step", step);
            if (step == Browsing.OnboardingSteps || !rng.Chance(continuation[step - 1]))
            {
                return;
            }
            t += Browsing.OnboardingStepMinSeconds + (long)rng.Exponential(Browsing.OnboardingStepMeanExtraSeconds);
        }
    }

    private void Browse(ref long t)
    {
        ref var rng = ref _user.Random;
        var count = 1 + rng.Poisson(Browsing.MeanExtraEvents);
        var view = _user.Platform == Web ? "page_view" : "screen_view";
        for (var i = 0; i < count; i++)
        {
            t += Gap();
            var kind = rng.NextDouble();
            if (kind < Browsing.ViewShare)
            {
                _events.Log(t, view);
            }
            else if (kind < Browsing.ViewOrFeatureShare)
            {
                _events.Log(t, "feature_use", feature: Features[rng.Pick(FeatureCumulative)]);
            }
            else
            {
                _events.Log(t, "search");
                _user.SessionHasSearch = true;
            }
        }
    }

    /// <summary>
    /// The first October web session of a person (not their first) becomes the dataset's one very long human visit:
    /// exactly <see cref="Boundaries.LongHumanSessionEvents"/> events, the bot threshold, so "more than 100" keeps the user.
    /// </summary>
    private bool IsLongSessionCandidate(long start) =>
        !_longSessionPlanted && _user.Kind == AccountKind.Person && _user.Platform == Web
        && start >= DayStart(Boundaries.OctoberFirstDay) && start < DayStart(Boundaries.NovemberFirstDay) - Clock.Day;

    /// <summary>A person reading the catalogue page by page: page views with a search every fifth event, no checkout.</summary>
    private void LongBrowse(ref long t)
    {
        for (var i = 0; i < Boundaries.LongHumanSessionEvents; i++)
        {
            t += Gap();
            if (i % 5 == 4)
            {
                _events.Log(t, "search");
                _user.SessionHasSearch = true;
            }
            else
            {
                _events.Log(t, "page_view");
            }
        }
    }

    /// <summary>
    /// The experiment (index) whose end this session's planted purchase lands on: a person assigned to it, with no purchase
    /// since the assignment, whose session starts in the last hours of the test and has browsed before the end.
    /// </summary>
    private int? PurchaseAtEndCandidate(long start, long t)
    {
        if (_user.Kind != AccountKind.Person || _user.PurchaseEventsLost)
        {
            return null;
        }
        for (var e = 0; e < Experiments.All.Length; e++)
        {
            var end = DayStart(Experiments.All[e].EndDay);
            if (!_purchaseAtEndPlanted[e] && _user.AssignedAt[e] != 0 && _experiments.IsLogged(e) && _user.LastPurchaseAt < _user.AssignedAt[e]
                && start >= end - Boundaries.PurchaseAtEndWindowSeconds && t + Browsing.MinGapSeconds < end)
            {
                return e;
            }
        }
        return null;
    }

    /// <summary>A cart left open in the test's last hours and charged at exactly the second the experiment ends.</summary>
    private void CheckoutAtEnd(ref long t, int day, int experiment)
    {
        _purchaseAtEndPlanted[experiment] = true;
        var usd = Math.Round(_user.Random.LogNormal(Checkouts.BasketLogMean, Checkouts.BasketLogSd), 2);
        t += Browsing.MinGapSeconds;
        _events.Log(t, "add_to_cart", amountUsd: usd);
        t = DayStart(Experiments.All[experiment].EndDay);
        _events.Log(t, "purchase", amountUsd: usd);
        _user.LastPurchaseAt = t;
        _user.ChurnTally.CountPurchase(day);
        _billing.PayInApp(usd, t, "succeeded");
    }

    /// <summary>
    /// For each experiment, the first person who buys after their assignment (and not since) gets a device that stops
    /// sending purchase events from then on: their payments exist, their purchase events do not.
    /// </summary>
    private void MaybeLosePurchaseEvents(long t)
    {
        if (_user.Kind != AccountKind.Person || _user.PurchaseEventsLost)
        {
            return;
        }
        for (var e = 0; e < Experiments.All.Length; e++)
        {
            if (!_lostPurchasesPlanted[e] && _user.AssignedAt[e] != 0 && _experiments.IsLogged(e) && t >= _user.AssignedAt[e] && t < DayStart(Experiments.All[e].EndDay)
                && _user.LastPurchaseAt < _user.AssignedAt[e])
            {
                _lostPurchasesPlanted[e] = true;
                _user.PurchaseEventsLost = true;
                return;
            }
        }
    }

    private void Checkout(ref long t, int day, bool holiday, double lift)
    {
        ref var rng = ref _user.Random;
        var afterChange = day >= _settings.ChangeDay;
        var cartChance = _user.IsTestAccount ? TestAccounts.CartChance : Math.Min(Checkouts.MaxCartChance, Checkouts.CartChancePerPropensity * _user.PurchasePropensity);
        if (!rng.Chance(cartChance))
        {
            return;
        }
        var usd = Math.Round(rng.Chance(Checkouts.LargeBasketChance)
            ? rng.Pareto(Checkouts.LargeBasketMinimumUsd, Checkouts.LargeBasketParetoShape)
            : rng.LogNormal(Checkouts.BasketLogMean, Checkouts.BasketLogSd), 2);
        if (_user.IsTestAccount)
        {
            // QA buys with test cards: nothing, or a small test product that is often refunded.
            usd = rng.Chance(TestAccounts.FreeOrderChance) ? 0 : TestAccounts.TestProductBaseUsd + rng.NextInt(TestAccounts.TestProductPriceSteps);
        }
        var priceRise = _settings.Cause == KpiDropCause.PriceChange && afterChange && _user.Country.Currency == Planted.PriceRiseCurrency;
        if (priceRise)
        {
            usd = Math.Round(usd * Planted.PriceRiseFactor, 2);
        }
        t += Gap();
        // "Buy now" in a person's first search session: the purchase skips the cart, so there is no add_to_cart event.
        var buyNow = _buyNowLeft > 0 && _user.Kind == AccountKind.Person && _user.SessionHasSearch && !_user.SearchedBefore;
        if (!buyNow)
        {
            _events.Log(t, "add_to_cart", amountUsd: usd);
        }
        var p = Checkouts.BaseCompletion * (1 + lift);
        if (holiday)
        {
            p *= Planted.HolidayCheckoutFactor;
        }
        if (priceRise)
        {
            p *= Planted.PriceRiseCheckoutFactor;
        }
        if (_settings.Cause == KpiDropCause.FunnelRegression && afterChange && _user.Platform == Android)
        {
            p *= Planted.FunnelRegressionCheckoutFactor;
        }
        if (!rng.Chance(Math.Min(Checkouts.MaxCompletion, p)))
        {
            if (buyNow)
            {
                _events.Log(t, "add_to_cart", amountUsd: usd); // not bought: the cart was an ordinary one after all
            }
            return;
        }
        if (buyNow)
        {
            _buyNowLeft--;
        }
        t += Checkouts.PurchaseMinDelaySeconds + (long)rng.Exponential(Checkouts.PurchaseMeanExtraDelaySeconds);
        MaybeLosePurchaseEvents(t);
        _events.Log(t, "purchase", amountUsd: usd);
        _user.LastPurchaseAt = t;
        _user.ChurnTally.CountPurchase(day);
        var refunded = rng.Chance(_user.IsTestAccount ? TestAccounts.RefundChance : Checkouts.RefundChance);
        _billing.PayInApp(usd, t, refunded ? "refunded" : "succeeded");
    }
}
