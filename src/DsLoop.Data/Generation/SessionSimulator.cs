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
            Browse(ref t);
            Checkout(ref t, day, holiday, purchaseLift);
            _support.MaybeOpenTicket(start, day);
            _billing.MaybeSubscribe(start);
        }
        Close(start, t + Browsing.SessionTailMinSeconds + (long)rng.Exponential(Browsing.SessionTailMeanSeconds));
    }

    /// <summary>Starts a session at <paramref name="start"/>: a new id, whether it is logged, and the app version in use.</summary>
    public void Open(long start)
    {
        _user.SessionId = ++_sessionId;
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
        _events.Log(t, "add_to_cart", amountUsd: usd);
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
            return;
        }
        t += Checkouts.PurchaseMinDelaySeconds + (long)rng.Exponential(Checkouts.PurchaseMeanExtraDelaySeconds);
        _events.Log(t, "purchase", amountUsd: usd);
        _user.ChurnTally.CountPurchase(day);
        var refunded = rng.Chance(_user.IsTestAccount ? TestAccounts.RefundChance : Checkouts.RefundChance);
        _billing.PayInApp(usd, t, refunded ? "refunded" : "succeeded");
    }
}
