using DsLoop.Core;

namespace DsLoop.Content.Loops;

/// <summary>An exercise that can fill a slot.</summary>
/// <param name="Id">The exercise's id (a bank item id for open questions).</param>
/// <param name="Title">Short title.</param>
/// <param name="Kind">The slot kind it fills.</param>
/// <param name="Dimensions">The scorecard dimensions it probes.</param>
public sealed record LoopCandidate(string Id, string Title, LoopSlotKind Kind, IReadOnlyList<Dimension> Dimensions);

/// <summary>
/// Supplies the exercises of one slot kind that the content bank does not hold, such as SQL problems.
/// A provider for <c>stats-exercise</c> or <c>case-part</c> replaces the bank's stand-in questions.
/// </summary>
public interface ILoopExerciseProvider
{
    /// <summary>The slot kind it fills.</summary>
    LoopSlotKind Kind { get; }

    /// <summary>Every exercise that fits the slot; may be empty.</summary>
    IReadOnlyList<LoopCandidate> Candidates(LoopTemplate template, LoopRound round, LoopSlot slot);
}

/// <summary>The exercises chosen for one slot.</summary>
/// <param name="Slot">The slot.</param>
/// <param name="Items">The chosen exercises, at most <see cref="LoopSlot.Count"/>.</param>
public sealed record PlannedSlot(LoopSlot Slot, IReadOnlyList<LoopCandidate> Items)
{
    /// <summary>How many exercises the slot still lacks (0 when full).</summary>
    public int Missing => Slot.Count - Items.Count;
}

/// <summary>One round of a plan.</summary>
/// <param name="Round">The template's round.</param>
/// <param name="Slots">Its slots, in template order.</param>
public sealed record PlannedRound(LoopRound Round, IReadOnlyList<PlannedSlot> Slots);

/// <summary>The exercises chosen for every slot of a loop.</summary>
/// <param name="Template">The template planned.</param>
/// <param name="Seed">The seed that fixes the choice.</param>
/// <param name="Rounds">The rounds, in template order.</param>
public sealed record LoopPlan(LoopTemplate Template, long Seed, IReadOnlyList<PlannedRound> Rounds)
{
    /// <summary>Every chosen exercise id, in round and slot order.</summary>
    public IEnumerable<string> ItemIds => Rounds.SelectMany(r => r.Slots).SelectMany(s => s.Items).Select(i => i.Id);

    /// <summary>True when every slot is full.</summary>
    public bool IsComplete => Rounds.SelectMany(r => r.Slots).All(s => s.Missing == 0);
}

/// <summary>
/// Chooses the exercises of a loop. Deterministic: the same template, bank, seed, weaknesses and providers give
/// the same plan. No exercise appears twice in one loop. Weak dimensions are favoured: each candidate is drawn
/// with weight <c>1 + <see cref="WeaknessBoost"/> × w</c>, where <c>w</c> is the largest weakness (0–1) among the
/// dimensions it probes, so an item on a fully weak dimension is four times as likely as one on a strong dimension.
/// </summary>
public static class LoopPlanner
{
    /// <summary>How much a weakness of 1 multiplies a candidate's chance (on top of a base weight of 1).</summary>
    public const double WeaknessBoost = 3.0;

    /// <summary>
    /// Plans a loop. Slots are filled scarcest first (fewest candidates, then template order) so a narrow slot
    /// is not starved by a broad one; each slot draws its items by weighted sampling without replacement from
    /// candidates not already used in the loop. A slot with too few candidates is left short (see
    /// <see cref="PlannedSlot.Missing"/>): SQL slots are empty until a provider is given.
    /// </summary>
    /// <param name="template">The loop template.</param>
    /// <param name="bank">The content bank that fills open, stats-exercise and case-part slots.</param>
    /// <param name="seed">Fixes the choice.</param>
    /// <param name="weaknessByDimension">0 (strong) to 1 (weak) per dimension; missing dimensions count as 0, values are clamped to 0–1.</param>
    /// <param name="providers">Sources for slot kinds the bank does not hold; a provider for a bank kind replaces the bank.</param>
    public static LoopPlan Plan(
        LoopTemplate template,
        ContentBank bank,
        long seed,
        IReadOnlyDictionary<Dimension, double>? weaknessByDimension = null,
        IEnumerable<ILoopExerciseProvider>? providers = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(bank);
        var byKind = (providers ?? []).GroupBy(p => p.Kind).ToDictionary(g => g.Key, g => g.Last());
        var random = new SplitMix64(unchecked((ulong)seed));
        var slots = template.Rounds
            .SelectMany((round, r) => round.Slots.Select((slot, s) => (Round: r, Slot: s, Candidates: Candidates(template, round, slot, bank, byKind))))
            .ToList();
        var chosen = new Dictionary<(int Round, int Slot), List<LoopCandidate>>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (r, s, candidates) in slots.OrderBy(x => x.Candidates.Count).ThenBy(x => x.Round).ThenBy(x => x.Slot))
        {
            var slot = template.Rounds[r].Slots[s];
            var pool = candidates.Where(c => !used.Contains(c.Id)).ToList();
            var picks = new List<LoopCandidate>();
            while (picks.Count < slot.Count && pool.Count > 0)
            {
                var index = Draw(pool, weaknessByDimension, random);
                picks.Add(pool[index]);
                used.Add(pool[index].Id);
                pool.RemoveAt(index);
            }
            chosen[(r, s)] = picks;
        }
        var rounds = template.Rounds
            .Select((round, r) => new PlannedRound(round, [.. round.Slots.Select((slot, s) => new PlannedSlot(slot, chosen[(r, s)]))]))
            .ToList();
        return new LoopPlan(template, seed, rounds);
    }

    /// <summary>The weight a candidate is drawn with: 1 + <see cref="WeaknessBoost"/> × its largest dimension weakness.</summary>
    public static double Weight(LoopCandidate candidate, IReadOnlyDictionary<Dimension, double>? weaknessByDimension)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (weaknessByDimension is null || candidate.Dimensions.Count == 0)
        {
            return 1.0;
        }
        var weakest = candidate.Dimensions.Max(d => weaknessByDimension.TryGetValue(d, out var w) && !double.IsNaN(w) ? Math.Clamp(w, 0.0, 1.0) : 0.0);
        return 1.0 + (WeaknessBoost * weakest);
    }

    /// <summary>Every exercise that fits a slot, ordered by id, from its provider or the bank.</summary>
    public static IReadOnlyList<LoopCandidate> Candidates(LoopTemplate template, LoopRound round, LoopSlot slot, ContentBank bank, IEnumerable<ILoopExerciseProvider>? providers = null) =>
        Candidates(template, round, slot, bank, (providers ?? []).GroupBy(p => p.Kind).ToDictionary(g => g.Key, g => g.Last()));

    private static List<LoopCandidate> Candidates(LoopTemplate template, LoopRound round, LoopSlot slot, ContentBank bank, Dictionary<LoopSlotKind, ILoopExerciseProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(bank);
        IEnumerable<LoopCandidate> found;
        if (providers.TryGetValue(slot.Kind, out var provider))
        {
            found = provider.Candidates(template, round, slot);
        }
        else if (LoopSlotKinds.BankFillable(slot.Kind))
        {
            found = template.BankItemsFor(round, slot, bank.Items, bank.Frameworks).Select(i => new LoopCandidate(i.Id, i.Title, slot.Kind, i.Dimensions));
        }
        else
        {
            found = [];
        }
        return [.. found.DistinctBy(c => c.Id).OrderBy(c => c.Id, StringComparer.Ordinal)];
    }

    private static int Draw(List<LoopCandidate> pool, IReadOnlyDictionary<Dimension, double>? weaknesses, SplitMix64 random)
    {
        var weights = pool.Select(c => Weight(c, weaknesses)).ToArray();
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }
        return weights.Length - 1;
    }
}
