namespace DsLoop.Data.Generation;

/// <summary>
/// The stream numbers every random sequence of a pass is derived from, together with the seed and an index (see
/// <see cref="Rng.For"/> and <see cref="Rng.Hash"/>). They only have to differ from one another; changing one changes
/// every row drawn from it.
/// </summary>
internal static class RandomStreams
{
    /// <summary>Each user's own sequence (index: the user id): profile, sessions, events, tickets and in-app payments.</summary>
    public const ulong User = 1;

    /// <summary>Each user's subscription sequence (index: the user id), so renewals do not shift the user's other draws.</summary>
    public const ulong Billing = 2;

    /// <summary>Draws of planted faults only (index: the user id), so a planted scenario leaves every other row as in the baseline.</summary>
    public const ulong Scenario = 3;

    /// <summary>The global tables' sequences.</summary>
    public const ulong Global = 4;

    /// <summary>The index of the marketing spend's sequence in <see cref="Global"/>.</summary>
    public const ulong MarketingSpendIndex = 1;

    /// <summary>Stateless eligibility for an experiment: hashed with the experiment id added, and the user id.</summary>
    public const ulong Eligibility = 1_000;

    /// <summary>Stateless variant of an experiment: hashed with the experiment id added, and the user id.</summary>
    public const ulong Variant = 2_000;

    /// <summary>Stateless decision whether a user's checkout-experiment logs are lost when a sample ratio mismatch is planted.</summary>
    public const ulong LostAssignmentLog = 3_000;

    /// <summary>Stateless decision whether a user's onboarding-experiment logs are lost (the treatment arm's real SRM).</summary>
    public const ulong LostOnboardingLog = 4_000;
}
