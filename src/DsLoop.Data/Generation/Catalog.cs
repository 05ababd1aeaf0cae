namespace DsLoop.Data.Generation;

/// <summary>The fixed world the generator draws from: countries, zones, channels, releases and the calendar.</summary>
internal static class Catalog
{
    /// <summary>First day of the data window (a Monday).</summary>
    public static readonly long WindowStart = Clock.FromDate(2025, 8, 4);

    public const int WindowDays = 147;

    public static readonly long WindowEnd = WindowStart + (WindowDays * Clock.Day);

    /// <summary>Users sign up during the first this-many days.</summary>
    public const int SignupDays = 120;

    /// <summary>Day index (from the window start) on which a planted KPI drop begins unless the options name a day: Monday 2025-11-10.</summary>
    public const int DefaultChangeDay = 98;

    /// <summary>Earliest day a planted KPI drop may begin: at least 35 days of clean data come before it.</summary>
    public const int EarliestChangeDay = 35;

    /// <summary>Latest day a planted KPI drop may begin: at least 21 days of data come after it.</summary>
    public const int LatestChangeDay = WindowDays - 21;

    /// <summary>The window day of a date (0 for the window start); dates outside the window give days outside [0, WindowDays).</summary>
    public static int DayOf(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(Clock.ToDateTime(WindowStart)).DayNumber;

    /// <summary>The date of a window day.</summary>
    public static DateOnly DateOf(int day) => DateOnly.FromDateTime(Clock.ToDateTime(DayStart(day)));

    /// <summary>US Thanksgiving, Thursday 2025-11-27, to Sunday 2025-11-30.</summary>
    public const int HolidayStartDay = 115;

    public const int HolidayEndDay = 119;

    /// <summary>The churn_features snapshot day: Monday 2025-10-27.</summary>
    public const int SnapshotDay = 84;

    public static long DayStart(int day) => WindowStart + (day * Clock.Day);

    internal sealed record Zone(string Name, int OffsetMinutes, double Weight);

    internal sealed record Country(
        string Code, double Weight, string Currency, double UsdPerUnit, int CurrencyDecimals, Zone[] Zones,
        double Ios, double Android, double Web, double Engagement, double Purchase)
    {
        public double[] ZoneCumulative { get; } = Cumulative(Zones.Select(z => z.Weight));

        public double[] PlatformCumulative { get; } = Cumulative([Ios, Android, Web]);
    }

    public static readonly Country[] Countries =
    [
        new("US", 30, "USD", 1.0, 2, [new("America/New_York", -300, 45), new("America/Chicago", -360, 25), new("America/Denver", -420, 7), new("America/Los_Angeles", -480, 23)], 0.5, 0.25, 0.25, 1.0, 1.25),
        new("GB", 8, "GBP", 1.27, 2, [new("Europe/London", 0, 1)], 0.45, 0.3, 0.25, 1.0, 1.1),
        new("DE", 7, "EUR", 1.08, 2, [new("Europe/Berlin", 60, 1)], 0.35, 0.4, 0.25, 0.95, 1.0),
        new("FR", 5, "EUR", 1.08, 2, [new("Europe/Paris", 60, 1)], 0.35, 0.4, 0.25, 0.9, 0.95),
        new("IN", 14, "INR", 0.012, 2, [new("Asia/Kolkata", 330, 1)], 0.1, 0.7, 0.2, 1.05, 0.45),
        new("BR", 9, "BRL", 0.2, 2, [new("America/Sao_Paulo", -180, 1)], 0.15, 0.65, 0.2, 1.1, 0.7),
        new("JP", 6, "JPY", 0.0067, 0, [new("Asia/Tokyo", 540, 1)], 0.55, 0.25, 0.2, 0.85, 1.2),
        new("AU", 5, "AUD", 0.66, 2, [new("Australia/Sydney", 600, 1)], 0.45, 0.3, 0.25, 0.95, 1.1),
        new("CA", 6, "CAD", 0.73, 2, [new("America/Toronto", -300, 60), new("America/Vancouver", -480, 40)], 0.45, 0.3, 0.25, 1.0, 1.1),
        new("MX", 5, "MXN", 0.055, 2, [new("America/Mexico_City", -360, 1)], 0.2, 0.6, 0.2, 1.0, 0.6),
        new("PH", 5, "PHP", 0.018, 2, [new("Asia/Manila", 480, 1)], 0.1, 0.7, 0.2, 1.1, 0.5),
    ];

    public static readonly double[] CountryCumulative = Cumulative(Countries.Select(c => c.Weight));

    public static readonly string[] Platforms = ["ios", "android", "web"];

    public const int Ios = 0;
    public const int Android = 1;
    public const int Web = 2;

    public static readonly double[] PlatformEngagement = [1.15, 1.0, 0.75];
    public static readonly double[] PlatformPurchase = [1.25, 0.85, 1.0];

    /// <summary>Onboarding continuation probabilities after steps 1-4, by platform.</summary>
    public static readonly double[][] OnboardingContinue =
    [
        [0.86, 0.76, 0.8, 0.7],
        [0.8, 0.68, 0.74, 0.62],
        [0.84, 0.7, 0.78, 0.66],
    ];

    public static readonly string[] Channels = ["organic", "paid_search", "paid_social", "affiliate", "referral", "email"];
    public static readonly double[] ChannelCumulative = Cumulative([34, 22, 20, 8, 10, 6]);
    public static readonly double[] ChannelEngagement = [1.1, 1.0, 0.7, 0.8, 1.3, 1.0];
    public static readonly double[] ChannelInactive = [0.05, 0.07, 0.13, 0.1, 0.04, 0.06];

    public const int Organic = 0;
    public const int EmailChannel = 5;

    public static readonly string[] SpendChannels = ["paid_search", "paid_social", "affiliate", "email"];
    public static readonly double[] SpendBase = [1_400, 1_100, 450, 120];
    public static readonly double[] CostPerMille = [28, 7.5, 4.5, 1.2];
    public static readonly double[] ClickThrough = [0.032, 0.009, 0.007, 0.021];

    public static readonly string[] CampaignChannels = ["paid_search", "paid_social", "affiliate", "referral", "email"];

    public static readonly string[] Features = ["dashboards", "export", "sharing", "reminders", "filters", "widgets", "dark_mode"];
    public static readonly double[] FeatureCumulative = Cumulative([30, 12, 14, 16, 18, 6, 4]);

    public static readonly string[] TicketCategories = ["billing", "bug", "how_to", "account"];
    public static readonly double[] TicketCategoryCumulative = Cumulative([25, 35, 30, 10]);
    public static readonly string[] Priorities = ["low", "normal", "high"];
    public static readonly double[] PriorityCumulative = Cumulative([30, 55, 15]);

    /// <summary>Local hour-of-day activity profile (midnight hours included on purpose).</summary>
    public static readonly double[] HourCumulative =
        Cumulative([1.0, 0.6, 0.3, 0.2, 0.2, 0.3, 0.8, 1.6, 2.4, 2.6, 2.4, 2.4, 2.8, 2.6, 2.3, 2.2, 2.3, 2.6, 3.0, 3.4, 3.6, 3.3, 2.6, 1.7]);

    internal sealed record Release(string Version, int Day);

    /// <summary>
    /// App releases per platform (day index from the window start). Android 5.2.0 double-fires events; 5.2.1 fixes it.
    /// iOS 5.3.0 ships on <paramref name="ios530Day"/> (the planted tracking loss rides on it; otherwise Monday 2025-11-10).
    /// </summary>
    public static Release[][] Releases(int ios530Day) =>
    [
        [new("5.0.0", -90), new("5.1.0", 21), new("5.2.0", 56), new("5.3.0", ios530Day)],
        [new("5.0.0", -90), new("5.1.0", 28), new("5.2.0", 63), new("5.2.1", 84), new("5.3.0", 105)],
        [],
    ];

    public const string DuplicatingVersion = "5.2.0";

    public static readonly string[] Plans = ["free", "basic", "pro"];
    public static readonly double[] PlanPriceUsd = [0, 9.99, 19.99];

    public static double[] Cumulative(IEnumerable<double> weights)
    {
        var list = new List<double>();
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
            list.Add(total);
        }
        return [.. list];
    }
}
