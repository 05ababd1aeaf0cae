using static DsLoop.Data.Generation.BehaviourConstants;
using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>
/// The accounts that are not customers: scripted web scrapers present in every dataset, internal QA accounts, and the
/// bots of a planted surge. Which ids they are is fixed by arithmetic, so truth queries and tests can name them.
/// </summary>
internal sealed class BotAndTestAccountSimulator
{
    private readonly UserState _user;
    private readonly SimulationSettings _settings;
    private readonly SessionSimulator _sessions;
    private readonly EventLog _events;
    private bool _throttledBotPlanted;

    public BotAndTestAccountSimulator(SimulationSettings settings, UserState user, SessionSimulator sessions, EventLog events)
    {
        _settings = settings;
        _user = user;
        _sessions = sessions;
        _events = events;
    }

    /// <summary>About 0.5% of users are scripted web scrapers (see <see cref="SimulateBaselineBot"/>).</summary>
    public static bool IsBaselineBot(long userId) => userId % Bots.BaselineIdModulus == Bots.BaselineIdRemainder;

    /// <summary>About 0.5% of users are internal QA accounts, flagged in users (see <see cref="SimulateTestAccount"/>).</summary>
    public static bool IsTestAccount(long userId) => userId % TestAccounts.IdModulus == TestAccounts.IdRemainder;

    /// <summary>
    /// A scripted web scraper: it lives for a few days to a few weeks and runs on most of them at the same minute of
    /// the UTC day, whatever the user's time zone, firing 110-400 page views and searches about one a second (the first
    /// one alive in October is rate-limited to <see cref="Boundaries.ThrottledBotEventsPerRun"/>); it never onboards,
    /// buys or files tickets.
    /// </summary>
    public void SimulateBaselineBot(int signupDay, long signupAt)
    {
        var lastDay = Math.Min(WindowDays, signupDay + Bots.MinLifetimeDays + (int)_user.Random.Exponential(Bots.MeanExtraLifetimeDays));
        if (!_throttledBotPlanted && signupDay < Boundaries.NovemberFirstDay - 1 && lastDay > Boundaries.OctoberFirstDay + 1)
        {
            // The first scraper alive in October is rate-limited: every run stops one event past the bot threshold.
            _throttledBotPlanted = true;
            _user.ThrottledBot = true;
        }
        var minuteOfDay = _user.Random.NextInt(SimulationCalendar.MinutesPerDay);
        var previous = _sessions.FirstSessionStart(signupAt);
        _sessions.Simulate(previous, first: false, holiday: false);
        for (var day = signupDay + 1; day < lastDay; day++)
        {
            if (!_user.Random.Chance(Bots.RunChance))
            {
                continue;
            }
            var start = DayStart(day) + (minuteOfDay * SimulationCalendar.SecondsPerMinute) + _user.Random.NextInt(Bots.StartJitterSeconds);
            if (start >= WindowEnd)
            {
                return;
            }
            if (start > previous + Bots.MinSecondsBetweenRuns) // the local sign-up day can end before the next UTC run starts
            {
                _sessions.Simulate(start, first: false, holiday: false);
                previous = start;
            }
        }
    }

    /// <summary>
    /// An internal QA account: after sign-up it is used only on test days (about one weekday in eight), in bursts of
    /// 2-6 sessions within local working hours, and it buys with test cards (zero amounts, often refunded).
    /// </summary>
    public void SimulateTestAccount(int signupDay, long signupAt)
    {
        _sessions.Simulate(_sessions.FirstSessionStart(signupAt), first: true, holiday: false);
        Span<long> starts = stackalloc long[TestAccounts.MinSessionsPerTestDay + TestAccounts.SessionsPerTestDaySpread - 1];
        for (var day = signupDay + 1; day < WindowDays; day++)
        {
            if (SimulationCalendar.IsWeekend(day) || !_user.Random.Chance(TestAccounts.TestDayChance))
            {
                continue;
            }
            var count = TestAccounts.MinSessionsPerTestDay + _user.Random.NextInt(TestAccounts.SessionsPerTestDaySpread);
            for (var i = 0; i < count; i++)
            {
                var workingSecond = (TestAccounts.WorkdayStartHour * SimulationCalendar.SecondsPerHour)
                    + _user.Random.NextInt(TestAccounts.WorkdayHours * SimulationCalendar.SecondsPerHour);
                starts[i] = _user.LocalToUtc(day, workingSecond);
            }
            starts[..count].Sort();
            foreach (var start in starts[..count])
            {
                if (start >= WindowEnd)
                {
                    return;
                }
                _sessions.Simulate(start, first: false, holiday: false);
            }
        }
    }

    /// <summary>
    /// A bot of a planted surge: from the change day, <see cref="Bots.SurgeSessionsPerDay"/> short web sessions a day at
    /// random times, each three page views about a second apart. Their sessions add about three quarters of the humans'
    /// to the count, so the KPI falls by ~40%.
    /// </summary>
    public void SimulateSurgeBot()
    {
        for (var day = _settings.ChangeDay; day < WindowDays; day++)
        {
            for (var i = 0; i < Bots.SurgeSessionsPerDay; i++)
            {
                var start = DayStart(day) + _user.Random.NextInt((int)Clock.Day);
                _sessions.Open(start);
                var t = start;
                for (var k = 0; k < Bots.SurgePageViewsPerSession; k++)
                {
                    _events.Log(t, "page_view");
                    t += _user.Random.NextInt(Bots.EventGapSpreadSeconds);
                }
                _sessions.Close(start, t + Bots.SurgeSessionTailSeconds);
            }
        }
    }
}
