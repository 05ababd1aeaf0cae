using System.Globalization;

namespace DsLoop.App.Hiring;

/// <summary>How long invitation links and candidate sessions last.</summary>
public sealed record HiringSettings
{
    /// <summary>How long an unopened link works: DSLOOP_INVITATION_DAYS (1 to 60), default 7 days.</summary>
    public TimeSpan InvitationLifetime { get; init; } = TimeSpan.FromDays(7);

    /// <summary>How long a candidate session lasts without a request (the cookie slides).</summary>
    public TimeSpan CandidateSessionIdle { get; init; } = TimeSpan.FromHours(6);

    /// <summary>The settings the environment gives.</summary>
    /// <exception cref="ArgumentException">DSLOOP_INVITATION_DAYS is not a whole number from 1 to 60.</exception>
    public static HiringSettings FromEnvironment() =>
        Environment.GetEnvironmentVariable("DSLOOP_INVITATION_DAYS") is { Length: > 0 } days
            ? int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 60
                ? new HiringSettings { InvitationLifetime = TimeSpan.FromDays(d) }
                : throw new ArgumentException($"DSLOOP_INVITATION_DAYS: '{days}' is not a whole number of days from 1 to 60.")
            : new HiringSettings();
}
