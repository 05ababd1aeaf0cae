using static DsLoop.Data.Generation.Catalog;

namespace DsLoop.Data.Generation;

/// <summary>
/// The one catalogue of every number that shapes how the simulated users, bots and systems behave: rates,
/// probabilities, windows, delays and multipliers, grouped by domain (the messy realities and the planted causes'
/// effects are in BehaviourConstants.Traps.cs). The world they act in (countries, channels, releases, the calendar) is
/// in <see cref="Catalog"/>. Changing any value changes the generated rows, so it needs a new
/// <see cref="DatasetGenerator.OutputVersion"/>. "Spread" means a uniform draw of 0 to spread − 1 added to a minimum.
/// </summary>
internal static partial class BehaviourConstants
{
    /// <summary>The churn_features snapshot's two windows, one on each side of <see cref="SnapshotDay"/>.</summary>
    public static class ChurnWindows
    {
        /// <summary>Length of both windows: the feature window before the snapshot (sessions_28d and the other 28-day
        /// features) and the label window after it (churned = no session in it).</summary>
        public const int Days = 28;
        /// <summary>First day of the feature window.</summary>
        public const int FeatureFirstDay = SnapshotDay - Days;
        /// <summary>The day after the label window; days_since_last_session is measured from its start.</summary>
        public const int LabelEndDay = SnapshotDay + Days;
    }

    /// <summary>Who signs up, and when.</summary>
    public static class Signups
    {
        /// <summary>Relative sign-up volume on a weekend day (weekdays 1).</summary>
        public const double WeekendWeight = 0.75;
        /// <summary>Sign-up volume grows linearly by 1 + day / this (it has doubled after this many days).</summary>
        public const double GrowthDays = 240.0;
        /// <summary>Share of users whose country is missing from users.</summary>
        public const double MissingCountryShare = 0.03;
        /// <summary>Share of users who sign up on the free plan.</summary>
        public const double FreePlanShare = 0.9;
        /// <summary>Share who sign up on the free or the basic plan; the rest sign up on pro.</summary>
        public const double FreeOrBasicPlanShare = 0.97;
        /// <summary>Mean of the log of a person's engagement (before platform, channel and country factors).</summary>
        public const double EngagementLogMean = -0.1;
        /// <summary>Standard deviation of the log of a person's engagement.</summary>
        public const double EngagementLogSd = 0.6;
        /// <summary>Standard deviation of the log of a person's purchase propensity (median 1, before country and platform factors).</summary>
        public const double PurchasePropensityLogSd = 0.5;
        /// <summary>Mean days before a user's app updates to a new release.</summary>
        public const double MeanAdoptionLagDays = 3;
    }

    /// <summary>Whether a person comes back each day, and how often.</summary>
    public static class Activity
    {
        /// <summary>The first session starts at least this many seconds after sign-up.</summary>
        public const int FirstSessionMinDelaySeconds = 5;
        /// <summary>Spread of the first session's delay after the minimum.</summary>
        public const int FirstSessionDelaySpreadSeconds = 40;
        /// <summary>Chance to return on a later day = scale × engagement × age^exponent (age in days), capped.</summary>
        public const double ReturnChanceScale = 0.42;
        /// <summary>How fast the chance to return fades with account age.</summary>
        public const double ReturnDecayExponent = -0.6;
        /// <summary>Cap on the daily chance to return.</summary>
        public const double MaxReturnChance = 0.92;
        /// <summary>Factor on the chance to return at weekends.</summary>
        public const double WeekendReturnFactor = 0.62;
        /// <summary>Mean extra sessions on a returning day per unit of engagement (Poisson).</summary>
        public const double ExtraSessionsPerEngagement = 0.3;
        /// <summary>Most extra sessions on one day.</summary>
        public const int MaxExtraSessionsPerDay = 5;
    }

    /// <summary>What a person does within a session.</summary>
    public static class Browsing
    {
        /// <summary>Onboarding steps; a first session walks them, dropping out at the platform's continuation rates.</summary>
        public const int OnboardingSteps = 5;
        /// <summary>Least seconds between onboarding steps.</summary>
        public const int OnboardingStepMinSeconds = 3;
        /// <summary>Mean extra seconds between onboarding steps (exponential).</summary>
        public const double OnboardingStepMeanExtraSeconds = 25;
        /// <summary>Mean browsing events after the first (Poisson).</summary>
        public const double MeanExtraEvents = 2.4;
        /// <summary>Share of browsing events that are page or screen views.</summary>
        public const double ViewShare = 0.55;
        /// <summary>Share that are views or feature uses; the rest are searches.</summary>
        public const double ViewOrFeatureShare = 0.8;
        /// <summary>Chance that an event falls in the same second as the one before.</summary>
        public const double SameSecondChance = 0.12;
        /// <summary>Least seconds between events that are not in the same second.</summary>
        public const int MinGapSeconds = 1;
        /// <summary>Mean extra seconds between events (exponential).</summary>
        public const double GapMeanSeconds = 22;
        /// <summary>A session ends at least this many seconds after its last event.</summary>
        public const int SessionTailMinSeconds = 10;
        /// <summary>Mean extra seconds from the last event to the session's end (exponential).</summary>
        public const double SessionTailMeanSeconds = 45;
    }

    /// <summary>Carts, purchases and in-app refunds.</summary>
    public static class Checkouts
    {
        /// <summary>Chance of a cart per session per unit of purchase propensity, capped.</summary>
        public const double CartChancePerPropensity = 0.15;
        /// <summary>Cap on the chance of a cart per session.</summary>
        public const double MaxCartChance = 0.6;
        /// <summary>Chance that a basket is large (Pareto-distributed) rather than ordinary (log-normal).</summary>
        public const double LargeBasketChance = 0.03;
        /// <summary>Smallest large basket in USD (the Pareto scale).</summary>
        public const double LargeBasketMinimumUsd = 60;
        /// <summary>Pareto shape of large baskets (lower is heavier-tailed).</summary>
        public const double LargeBasketParetoShape = 1.3;
        /// <summary>Mean of the log of an ordinary basket in USD (median about 11 USD).</summary>
        public const double BasketLogMean = 2.4;
        /// <summary>Standard deviation of the log of an ordinary basket.</summary>
        public const double BasketLogSd = 0.9;
        /// <summary>Chance that a cart becomes a purchase, before experiment lifts and planted effects.</summary>
        public const double BaseCompletion = 0.45;
        /// <summary>Cap on the chance that a cart becomes a purchase.</summary>
        public const double MaxCompletion = 0.95;
        /// <summary>Least seconds from adding to cart to the purchase.</summary>
        public const int PurchaseMinDelaySeconds = 5;
        /// <summary>Mean extra seconds from adding to cart to the purchase (exponential).</summary>
        public const double PurchaseMeanExtraDelaySeconds = 40;
        /// <summary>Chance that an in-app purchase is refunded.</summary>
        public const double RefundChance = 0.04;
    }

    /// <summary>Support tickets.</summary>
    public static class Tickets
    {
        /// <summary>Chance of a ticket after a person's session.</summary>
        public const double ChancePerSession = 0.006;
        /// <summary>Factor on that chance for subscribers.</summary>
        public const double SubscriberFactor = 1.6;
        /// <summary>A ticket is created at least this long after the session starts.</summary>
        public const int MinDelaySeconds = 60;
        /// <summary>Spread of the ticket's creation after the minimum.</summary>
        public const int DelaySpreadSeconds = 3_600;
        /// <summary>Median hours to resolution.</summary>
        public const double ResolutionMedianHours = 18;
        /// <summary>Standard deviation of the log of the hours to resolution.</summary>
        public const double ResolutionLogSd = 1.0;
        /// <summary>Chance that a ticket resolvable within the window is still open at its end.</summary>
        public const double LeftOpenChance = 0.04;
        /// <summary>Chance that a resolved ticket has no satisfaction rating.</summary>
        public const double UnratedChance = 0.45;
        /// <summary>Mean of a rating above the worst, 1 (Poisson, capped at <see cref="BestRating"/>).</summary>
        public const double MeanRatingAboveWorst = 2.6;
        /// <summary>The best satisfaction rating.</summary>
        public const int BestRating = 5;
    }

    /// <summary>Paid plans: conversion, renewals, failures and plan changes.</summary>
    public static class Subscriptions
    {
        /// <summary>Chance that a free person subscribes after a session, per unit of purchase propensity (capped).</summary>
        public const double ConversionChancePerSession = 0.012;
        /// <summary>Cap on the purchase propensity that raises the chance to subscribe.</summary>
        public const double MaxConversionPropensity = 3;
        /// <summary>Chance that a converting user picks basic rather than pro.</summary>
        public const double ConvertToBasicChance = 0.7;
        /// <summary>A subscription starts at least this long after the session's start.</summary>
        public const int MinDelaySeconds = 30;
        /// <summary>Spread of the subscription's start after the minimum.</summary>
        public const int DelaySpreadSeconds = 600;
        /// <summary>Days in a billing period.</summary>
        public const int PeriodDays = 30;
        /// <summary>Chance that a renewal payment fails.</summary>
        public const double PaymentFailureChance = 0.04;
        /// <summary>Chance that a failed payment leads to a billing ticket.</summary>
        public const double FailedPaymentTicketChance = 0.3;
        /// <summary>A billing ticket is created at least this long after the failed payment.</summary>
        public const int BillingTicketMinDelaySeconds = 3_600;
        /// <summary>Spread of the billing ticket's creation after the minimum.</summary>
        public const int BillingTicketDelaySpreadSeconds = 20_000;
        /// <summary>Chance that a failed payment ends the subscription.</summary>
        public const double CancelAfterFailureChance = 0.5;
        /// <summary>Days from a failed payment to the cancellation it causes.</summary>
        public const int FailedPaymentGraceDays = 3;
        /// <summary>Days from a failed payment to the successful retry.</summary>
        public const int RetryDelayDays = 1;
        /// <summary>Chance that a successful renewal is refunded.</summary>
        public const double RefundChance = 0.03;
        /// <summary>Chance per period of a voluntary cancellation.</summary>
        public const double VoluntaryCancelChance = 0.1;
        /// <summary>Chance per period of a cancellation or a plan change (basic upgrades, pro downgrades).</summary>
        public const double CancelOrPlanChangeChance = 0.17;
    }

    /// <summary>Refunds of any payment.</summary>
    public static class Refunds
    {
        /// <summary>Least days from a payment to its refund.</summary>
        public const int MinDelayDays = 1;
        /// <summary>Spread of the refund's delay after the minimum.</summary>
        public const int DelaySpreadDays = 10;
    }

    /// <summary>Multi-touch attribution of payments to campaigns.</summary>
    public static class Attribution
    {
        /// <summary>Most campaigns credited with one payment.</summary>
        public const int MaxTouches = 3;
        /// <summary>Chance that an organic user's payment is touched by e-mail campaigns at all.</summary>
        public const double OrganicTouchedChance = 0.6;
        /// <summary>Least live campaigns of the user's channel credited.</summary>
        public const int MinChannelTouches = 2;
        /// <summary>Spread of the channel's campaigns credited after the minimum.</summary>
        public const int ChannelTouchSpread = 2;
        /// <summary>Chance that a live e-mail campaign is credited as well.</summary>
        public const double EmailAssistChance = 0.8;
    }

    /// <summary>The campaign calendar.</summary>
    public static class Campaigns
    {
        /// <summary>Campaigns per campaign channel.</summary>
        public const int PerChannel = 6;
        /// <summary>Days between the slots of consecutive campaigns (four weeks; not the churn window).</summary>
        public const int CadenceDays = 28;
        /// <summary>A campaign starts this many days before its slot.</summary>
        public const int LeadDays = 14;
        /// <summary>A campaign ends this many days after its slot.</summary>
        public const int TailDays = 41;
        /// <summary>Days each channel's calendar is shifted from the previous channel's.</summary>
        public const int ChannelStaggerDays = 3;
    }

    /// <summary>Daily paid-marketing spend.</summary>
    public static class Spend
    {
        /// <summary>The users the base spend per channel in <see cref="SpendBase"/> is for.</summary>
        public const double UsersPerBaseSpend = 2_000.0;
        /// <summary>Factor on spend at weekends.</summary>
        public const double WeekendFactor = 0.7;
        /// <summary>Spend grows linearly by 1 + day / this.</summary>
        public const double GrowthDays = 300.0;
        /// <summary>Standard deviation of the log of the daily spend's noise.</summary>
        public const double DailyNoiseLogSd = 0.18;
        /// <summary>Standard deviation of the log of the impressions' noise.</summary>
        public const double ImpressionNoiseLogSd = 0.1;
        /// <summary>Standard deviation of the log of the clicks' noise.</summary>
        public const double ClickNoiseLogSd = 0.12;
    }

    /// <summary>The A/B tests and how users meet them.</summary>
    public static class Experiments
    {
        /// <summary>One A/B test: its window (days), traffic share, treatment share and chance of exposure per session.</summary>
        internal sealed record Definition(int Id, string Name, string Description, string Metric, int StartDay, int EndDay,
            double Traffic, double TreatmentShare, double ExposureChance);
        /// <summary>Every experiment, in id order.</summary>
        public static readonly Definition[] All =
        [
            new(1, "onboarding_checklist", "Treatment shows a progress checklist during onboarding.", "onboarding completion (step 5 reached)", 14, 56, 0.5, 0.5, 0.8),
            new(2, "checkout_redesign", "Treatment gets the one-page checkout.", "session purchase conversion", 70, 126, 1.0, 0.5, 0.5),
            new(3, "search_ranking_v2", "Treatment ranks search results with the new model.", "searches per session", 35, 91, 1.0, 0.3, 0.6),
        ];
        /// <summary>The onboarding experiment, whose treatment arm loses logs (<see cref="Boundaries.OnboardingLostTreatmentLogShare"/>).</summary>
        public const int OnboardingId = 1;
        /// <summary>The search ranking experiment, whose arms miss the design by a planted chi-square (<see cref="Boundaries.SearchRankingChiSquare"/>).</summary>
        public const int SearchRankingId = 3;
        /// <summary>The experiment whose effects can be planted (<see cref="Scenarios.ExperimentPlan"/>).</summary>
        public const int CheckoutId = 2;
        /// <summary>Its index in <see cref="All"/>.</summary>
        public const int CheckoutIndex = CheckoutId - 1;
        /// <summary>The checkout experiment loses this share of Android treatment assignment logs when SRM is planted.</summary>
        public const double LostTreatmentLogShare = 0.15;
        /// <summary>Exposure comes at least this long after the session's start.</summary>
        public const int ExposureMinDelaySeconds = 2;
        /// <summary>Spread of the exposure's delay after the minimum.</summary>
        public const int ExposureDelaySpreadSeconds = 20;
        /// <summary>Added to the time since exposure when the novelty boost decays, so the exposing session gets the full boost.</summary>
        public const int NoveltyAgeOffsetSeconds = 60;
    }
}
