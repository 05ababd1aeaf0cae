using System.Globalization;
using System.Text;
using DsLoop.Stats.Readout;

namespace DsLoop.Cases.Experiment;

/// <summary>The platforms of the readout data.</summary>
public enum Platform
{
    /// <summary>iOS app.</summary>
    Ios,

    /// <summary>Android app.</summary>
    Android,

    /// <summary>Web.</summary>
    Web,
}

/// <summary>One enrolled user of the readout data, as the candidate's users.csv has it.</summary>
/// <param name="UserId">User id.</param>
/// <param name="Treatment">True in treatment.</param>
/// <param name="Platform">Platform.</param>
/// <param name="Day">Day of first exposure, 1-based.</param>
/// <param name="Converted">Purchased within 7 days of first exposure.</param>
/// <param name="Tickets">Support tickets opened within 7 days.</param>
/// <param name="LatencyMs">Mean checkout page latency the user saw.</param>
public readonly record struct ExperimentUser(long UserId, bool Treatment, Platform Platform, int Day, bool Converted, int Tickets, int LatencyMs);

/// <summary>The generated readout data and its truth.</summary>
/// <param name="Plan">What was planted.</param>
/// <param name="Baseline">Baseline conversion averaged over platforms.</param>
/// <param name="Users">The enrolled users (lost logs already removed).</param>
/// <param name="DaysObserved">Days of data (less than planned when the team stopped early).</param>
/// <param name="TrueAbsoluteLift">The causal effect on conversion the data's design targets: within-platform effects weighted by platform share, averaged over the observed days.</param>
/// <param name="TrueRelativeLift">The same, relative to the baseline.</param>
public sealed record ExperimentData(
    ReadoutPlan Plan, double Baseline, IReadOnlyList<ExperimentUser> Users, int DaysObserved, double TrueAbsoluteLift, double TrueRelativeLift)
{
    /// <summary>Calendar date of day 1.</summary>
    public static readonly DateOnly StartDate = new(2025, 10, 13);

    /// <summary>Share of users per platform.</summary>
    public static IReadOnlyList<double> PlatformShares { get; } = [0.35, 0.30, 0.35];

    /// <summary>Conversion relative to the average, per platform.</summary>
    public static IReadOnlyList<double> PlatformConversion { get; } = [1.5, 0.9, 0.6];

    /// <summary>Mean latency in ms per platform.</summary>
    public static IReadOnlyList<double> PlatformLatency { get; } = [620, 780, 900];

    /// <summary>Support tickets per user in 7 days, control.</summary>
    public const double TicketRate = 0.08;

    /// <summary>Users enrolled over the planned days, by scale.</summary>
    public static int UsersFor(CaseScale scale) => scale == CaseScale.Standard ? 500_000 : 100_000;

    /// <summary>Generates the readout data of a seed.</summary>
    public static ExperimentData Generate(ulong seed, CaseScale scale, ReadoutTwist? twist = null) =>
        Generate(seed, ExperimentScenarios.Readout(seed, twist), UsersFor(scale));

    /// <summary>Generates readout data for an explicit plan and size (tests use small sizes).</summary>
    public static ExperimentData Generate(ulong seed, ReadoutPlan plan, int users)
    {
        var rng = CaseRng.For(seed, "experiment-data");
        var baseline = Math.Round(rng.Uniform(0.04, 0.08), 3);
        var rows = Simulate(rng, plan, baseline, users);
        var days = plan.PlannedDays;
        if (plan.Twist == ReadoutTwist.Peeking)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                if (FirstSignificantDay(rows, plan.PlannedDays) is { } stop)
                {
                    days = stop;
                    rows = [.. rows.Where(u => u.Day <= stop)];
                    break;
                }
                rows = Simulate(rng, plan, baseline, users);
            }
        }
        var absolute = 0.0;
        for (var k = 0; k < 3; k++)
        {
            var effect = Enumerable.Range(1, days).Average(plan.EffectOnDay);
            absolute += PlatformShares[k] * baseline * PlatformConversion[k] * effect;
        }
        var mean = Enumerable.Range(0, 3).Sum(k => PlatformShares[k] * baseline * PlatformConversion[k]);
        return new ExperimentData(plan, baseline, rows, days, absolute, absolute / mean);
    }

    private static List<ExperimentUser> Simulate(CaseRng rng, ReadoutPlan plan, double baseline, int users)
    {
        var rows = new List<ExperimentUser>(users);
        var sigma = Math.Sqrt(Math.Log(1 + (0.35 * 0.35)));
        var id = 100_000L + rng.Next(900_000);
        for (var i = 0; i < users; i++)
        {
            id += 1 + rng.Next(3);
            var u = rng.Uniform();
            var platform = u < PlatformShares[0] ? Platform.Ios : u < PlatformShares[0] + PlatformShares[1] ? Platform.Android : Platform.Web;
            var k = (int)platform;
            var treatmentShare = platform switch
            {
                Platform.Ios => plan.IosTreatmentShare,
                Platform.Web => 1 - plan.IosTreatmentShare,
                _ => 0.5,
            };
            var treatment = rng.Bernoulli(treatmentShare);
            var day = 1 + rng.Next(plan.PlannedDays);
            var p = baseline * PlatformConversion[k] * (treatment ? 1 + plan.EffectOnDay(day) : 1);
            var converted = rng.Bernoulli(Math.Clamp(p, 0, 1));
            var tickets = rng.Poisson(TicketRate * (treatment ? 1 + plan.TicketChange : 1));
            var latencyMean = PlatformLatency[k] * (treatment ? 1 + plan.LatencyChange : 1);
            var latency = (int)Math.Round(Math.Exp(Math.Log(latencyMean) - (sigma * sigma / 2) + (sigma * rng.Normal())));
            var lost = treatment && platform == Platform.Android && rng.Bernoulli(plan.LostAndroidTreatmentShare);
            if (!lost)
            {
                rows.Add(new ExperimentUser(id, treatment, platform, day, converted, tickets, latency));
            }
        }
        return rows;
    }

    /// <summary>The first day (before the planned end) on which the cumulative pooled z-test had p &lt; 0.05, or null.</summary>
    internal static int? FirstSignificantDay(IReadOnlyList<ExperimentUser> rows, int plannedDays)
    {
        var c = new long[plannedDays + 1, 4];
        foreach (var u in rows)
        {
            var arm = u.Treatment ? 2 : 0;
            c[u.Day, arm]++;
            c[u.Day, arm + 1] += u.Converted ? 1 : 0;
        }
        long nc = 0, xc = 0, nt = 0, xt = 0;
        for (var day = 1; day < plannedDays; day++)
        {
            nc += c[day, 0];
            xc += c[day, 1];
            nt += c[day, 2];
            xt += c[day, 3];
            if (day >= 3 && ProportionTest.Pooled(new Proportion(xc, nc), new Proportion(xt, nt)).PValue < 0.05)
            {
                return day;
            }
        }
        return null;
    }

    /// <summary>The date of a 1-based day.</summary>
    public static string Date(int day) => StartDate.AddDays(day - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The candidate's users.csv.</summary>
    public byte[] ToCsv()
    {
        var sb = new StringBuilder(Users.Count * 48);
        sb.Append("user_id,variant,platform,exposure_date,converted,support_tickets,latency_ms\n");
        foreach (var u in Users)
        {
            sb.Append(u.UserId.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(u.Treatment ? "treatment" : "control").Append(',')
              .Append(u.Platform.ToString().ToLowerInvariant()).Append(',')
              .Append(Date(u.Day)).Append(',')
              .Append(u.Converted ? '1' : '0').Append(',')
              .Append(u.Tickets.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(u.LatencyMs.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return Encoding.UTF8.GetBytes(sb.ToString());
    }
}
