namespace DsLoop.Data.Generation;

/// <summary>
/// The traps a learner has to notice: the messy realities in every dataset (late and double-fired events, bots, test
/// accounts) and the effects of the planted KPI-drop causes.
/// </summary>
internal static partial class BehaviourConstants
{
    /// <summary>How client events reach the pipeline.</summary>
    public static class Delivery
    {
        /// <summary>Chance that the double-firing release sends an event twice.</summary>
        public const double DoubleFireChance = 0.4;
        /// <summary>Spread of the duplicate's extra arrival delay.</summary>
        public const int DoubleFireArrivalSpreadSeconds = 3;
        /// <summary>Mean of the log of a web event's delay in seconds (online: about a second).</summary>
        public const double WebLogMean = -0.3;
        /// <summary>Standard deviation of the log of a web event's delay.</summary>
        public const double WebLogSd = 0.8;
        /// <summary>Share of app events sent promptly.</summary>
        public const double AppPromptShare = 0.8;
        /// <summary>Mean of the log of a prompt app event's delay in seconds (about two seconds).</summary>
        public const double AppPromptLogMean = 0.7;
        /// <summary>Standard deviation of the log of a prompt app event's delay.</summary>
        public const double AppPromptLogSd = 0.9;
        /// <summary>Share of app events sent promptly or in a batch; the rest wait for an offline device to reconnect.</summary>
        public const double AppPromptOrBatchedShare = 0.95;
        /// <summary>Median delay of a batched app event.</summary>
        public const int BatchedMedianSeconds = 600;
        /// <summary>Standard deviation of the log of a batched app event's delay.</summary>
        public const double BatchedLogSd = 1.5;
        /// <summary>Median delay of an event from an offline device (30 hours).</summary>
        public const int OfflineMedianSeconds = 30 * SimulationCalendar.SecondsPerHour;
        /// <summary>Standard deviation of the log of an offline device's delay.</summary>
        public const double OfflineLogSd = 0.9;
        /// <summary>The pipeline drops events older than this, so no delay is longer.</summary>
        public const int MaxDelayDays = 30;
    }

    /// <summary>Scripted web scrapers and the bots of a planted surge.</summary>
    public static class Bots
    {
        /// <summary>A user is a baseline bot when the id leaves this remainder (about 0.5% of users).</summary>
        public const int BaselineIdModulus = 199;
        /// <summary>The remainder that marks a baseline bot.</summary>
        public const int BaselineIdRemainder = 13;
        /// <summary>Least days a baseline bot runs.</summary>
        public const int MinLifetimeDays = 2;
        /// <summary>Mean extra days a baseline bot runs (exponential).</summary>
        public const double MeanExtraLifetimeDays = 6;
        /// <summary>Chance that a baseline bot runs on a day of its life.</summary>
        public const double RunChance = 0.7;
        /// <summary>Spread of a run's start after the bot's minute of the UTC day.</summary>
        public const int StartJitterSeconds = 30;
        /// <summary>Runs closer than this to the previous one are skipped.</summary>
        public const int MinSecondsBetweenRuns = 3_600;
        /// <summary>Least events in a baseline bot's run.</summary>
        public const int MinEventsPerRun = 110;
        /// <summary>Spread of a run's events after the minimum.</summary>
        public const int EventsPerRunSpread = 290;
        /// <summary>Every this-many-th event of a run is a search; the others are page views.</summary>
        public const int SearchEveryNthEvent = 4;
        /// <summary>Spread of the seconds between a bot's events (zero or one).</summary>
        public const int EventGapSpreadSeconds = 2;
        /// <summary>Least surge bots when a bot surge is planted.</summary>
        public const int MinimumSurgeBots = 6;
        /// <summary>Otherwise one surge bot per this many organic users.</summary>
        public const int UsersPerSurgeBot = 300;
        /// <summary>Surge bots sign up 1 to this many days before the change day.</summary>
        public const int SurgeSignupSpreadDays = 3;
        /// <summary>Sessions a surge bot opens each day from the change day.</summary>
        public const int SurgeSessionsPerDay = 14;
        /// <summary>Page views in a surge bot's session.</summary>
        public const int SurgePageViewsPerSession = 3;
        /// <summary>Seconds from a surge bot's last page view to its session's end.</summary>
        public const int SurgeSessionTailSeconds = 1;
    }

    /// <summary>Internal QA accounts.</summary>
    public static class TestAccounts
    {
        /// <summary>A user is a test account when the id leaves this remainder (about 0.5% of users).</summary>
        public const int IdModulus = 211;
        /// <summary>The remainder that marks a test account.</summary>
        public const int IdRemainder = 17;
        /// <summary>Chance that a weekday is a test day.</summary>
        public const double TestDayChance = 0.12;
        /// <summary>Least sessions on a test day.</summary>
        public const int MinSessionsPerTestDay = 2;
        /// <summary>Spread of a test day's sessions after the minimum.</summary>
        public const int SessionsPerTestDaySpread = 5;
        /// <summary>Local hour the testers' working day starts.</summary>
        public const int WorkdayStartHour = 9;
        /// <summary>Hours in the testers' working day.</summary>
        public const int WorkdayHours = 9;
        /// <summary>Chance of a cart in a test session.</summary>
        public const double CartChance = 0.5;
        /// <summary>Chance that a test order costs nothing.</summary>
        public const double FreeOrderChance = 0.4;
        /// <summary>Price of the cheapest test product in USD.</summary>
        public const double TestProductBaseUsd = 0.99;
        /// <summary>Test products cost the base price plus 0 to this − 1 whole USD.</summary>
        public const int TestProductPriceSteps = 10;
        /// <summary>Chance that a test purchase is refunded.</summary>
        public const double RefundChance = 0.5;
    }

    /// <summary>
    /// Rare rows that sit exactly on the boundaries analysts write into queries (a day of lateness, an experiment's end,
    /// the bot threshold, the cart step, the 5% SRM cut-off), planted in every dataset so that an off-by-one query gives
    /// a different answer from the right one. Each is deterministic from the seed and present at every scale.
    /// </summary>
    public static class Boundaries
    {
        /// <summary>App events per dataset whose offline device synced exactly one day after the event (received_at = event_time + 24 h).</summary>
        public const int ExactDayLateEvents = 2;
        /// <summary>A purchase is planted at exactly the end of each experiment when a session starts this close to it.</summary>
        public const int PurchaseAtEndWindowSeconds = 6 * SimulationCalendar.SecondsPerHour;
        /// <summary>The month the bank's bot problems look at (October 2025): the long human session and the rate-limited scraper are in it.</summary>
        public static readonly int OctoberFirstDay = Catalog.DayOf(new DateOnly(2025, 10, 1));
        /// <summary>The first day after <see cref="OctoberFirstDay"/>'s month.</summary>
        public static readonly int NovemberFirstDay = Catalog.DayOf(new DateOnly(2025, 11, 1));
        /// <summary>The events of the planted long human session: exactly the bot threshold the bank's problems use (more than 100 is a bot).</summary>
        public const int LongHumanSessionEvents = 100;
        /// <summary>The events of every run of the rate-limited scraper: one past the bot threshold.</summary>
        public const int ThrottledBotEventsPerRun = 101;
        /// <summary>Purchases per dataset made with "buy now" in the user's first search session, with no add_to_cart event.</summary>
        public const int BuyNowPurchases = 2;
        /// <summary>The onboarding checklist's treatment arm loses this share of its assignment and exposure logs (a real SRM).</summary>
        public const double OnboardingLostTreatmentLogShare = 0.4;
        /// <summary>
        /// search_ranking_v2's assignment service keeps its arms this far from the 30/70 design, as a Pearson chi-square of
        /// the non-test assignments: just past the 5% cut-off of 3.841 and well short of the 1% one (6.635).
        /// </summary>
        public const double SearchRankingChiSquare = 4.03;
    }

    /// <summary>The effects of the planted KPI-drop causes (see <see cref="Scenarios.KpiDropCause"/>).</summary>
    public static class Planted
    {
        /// <summary>The iOS release that stops logging purchases and carts when a tracking loss is planted.</summary>
        public const string TrackingLossVersion = "5.3.0";
        /// <summary>Share of that release's purchase and add_to_cart events that are lost.</summary>
        public const double TrackingLossDropChance = 0.75;
        /// <summary>The country whose users observe the planted holiday.</summary>
        public const string HolidayCountry = "US";
        /// <summary>Factor on the chance to return on a holiday.</summary>
        public const double HolidayReturnFactor = 0.5;
        /// <summary>Factor on checkout completion on a holiday.</summary>
        public const double HolidayCheckoutFactor = 0.35;
        /// <summary>The currency whose prices rise when a price change is planted.</summary>
        public const string PriceRiseCurrency = "EUR";
        /// <summary>Factor on basket amounts after the price rise.</summary>
        public const double PriceRiseFactor = 1.3;
        /// <summary>
        /// Factor on checkout completion after the price rise. Steep on purpose: EUR users are about 12% of sessions, and a
        /// milder effect let the overall KPI rise on some start dates (late-November swings), which breaks the case's
        /// premise that the dashboard shows a drop.
        /// </summary>
        public const double PriceRiseCheckoutFactor = 0.25;
        /// <summary>Factor on Android checkout completion after a planted funnel regression.</summary>
        public const double FunnelRegressionCheckoutFactor = 0.35;
    }
}
