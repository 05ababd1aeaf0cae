namespace DsLoop.Content.Loops;

/// <summary>Checks loop templates against the question bank they will draw from.</summary>
internal static class LoopValidator
{
    /// <summary>
    /// Reports every bank-filled slot that names a framework the bank lacks or one not built for the slot's rounds, and
    /// every slot the fit rules (<see cref="SlotFit"/>) leave with fewer items than it asks for, naming the template, the
    /// slot and the rules that left items out. SQL slots are skipped: their items come from a provider, not the bank.
    /// </summary>
    public static void CheckAgainstBank(IEnumerable<LoopTemplate> templates, IReadOnlyList<QuestionItem> items, IReadOnlyDictionary<string, Framework> frameworks, List<ContentError> errors)
    {
        foreach (var template in templates)
        {
            foreach (var round in template.Rounds)
            {
                foreach (var (slot, index) in round.Slots.Select((s, i) => (s, i + 1)).Where(x => LoopSlotKinds.BankFillable(x.s.Kind) && x.s.Count > 0))
                {
                    var where = $"slot {index} ('{LoopSlotKinds.Slug(slot.Kind)}') of round '{round.Id}' in loop '{template.Id}'";
                    CheckSlotFrameworks(where, round, slot, frameworks, errors);
                    var broken = items.Select(i => SlotFit.FirstBrokenRule(template, round, slot, i, frameworks)).ToList();
                    var matching = broken.Count(rule => rule is null);
                    if (matching >= slot.Count)
                    {
                        continue;
                    }
                    // Items of the slot's level, variant and round that another rule left out: the reason a slot is short.
                    var leftOut = broken.OfType<SlotFitRule>().Where(rule => rule is not (SlotFitRule.LevelAndVariant or SlotFitRule.Round))
                        .GroupBy(rule => rule).OrderBy(g => g.Key)
                        .Select(g => $"{g.Count()} left out by the rule '{SlotFit.Describe(g.Key)}'").ToList();
                    var why = leftOut.Count > 0 ? $"; {string.Join("; ", leftOut)}" : "";
                    errors.Add(new ContentError(slot.Source, matching == 0
                        ? $"{where} matches no item in the bank ({Describe(template, round, slot)}){why}."
                        : $"{where} asks for {slot.Count} items but only {matching} fit ({Describe(template, round, slot)}){why}."));
                }
            }
        }
    }

    private static void CheckSlotFrameworks(string where, LoopRound round, LoopSlot slot, IReadOnlyDictionary<string, Framework> frameworks, List<ContentError> errors)
    {
        foreach (var id in slot.Frameworks)
        {
            if (!frameworks.TryGetValue(id, out var framework))
            {
                errors.Add(new ContentError(slot.Source, $"{where} names the unknown framework '{id}'."));
            }
            else if (framework.Rounds.Count > 0 && !slot.EffectiveRounds(round).Any(framework.Rounds.Contains))
            {
                errors.Add(new ContentError(slot.Source,
                    $"{where} names the framework '{id}', which breaks the rule '{SlotFit.Describe(SlotFitRule.FrameworkRound)}'."));
            }
        }
    }

    private static string Describe(LoopTemplate template, LoopRound round, LoopSlot slot)
    {
        var parts = new List<string>
        {
            $"level {Core.LevelsAndVariants.Slug(template.Level)}",
            $"variant {Core.LevelsAndVariants.Slug(template.Variant)}",
            $"rounds {string.Join("/", slot.EffectiveRounds(round).Select(Core.Rounds.Slug))}",
        };
        if (slot.EffectiveDimensions.Count > 0)
        {
            parts.Add($"dimensions {string.Join("/", slot.EffectiveDimensions.Select(Core.Dimensions.Slug))}");
        }
        if (slot.Frameworks.Count > 0)
        {
            parts.Add($"frameworks {string.Join("/", slot.Frameworks)}");
        }
        return string.Join(", ", parts);
    }
}
