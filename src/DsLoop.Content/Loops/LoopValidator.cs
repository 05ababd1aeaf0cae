namespace DsLoop.Content.Loops;

/// <summary>Checks loop templates against the question bank they will draw from.</summary>
internal static class LoopValidator
{
    /// <summary>
    /// Reports every bank-filled slot whose filters (level, variant, rounds, dimensions) leave fewer items
    /// than it asks for. SQL slots are skipped: their items come from a provider, not the bank.
    /// </summary>
    public static void CheckAgainstBank(IEnumerable<LoopTemplate> templates, IReadOnlyList<QuestionItem> items, List<ContentError> errors)
    {
        foreach (var template in templates)
        {
            foreach (var round in template.Rounds)
            {
                foreach (var slot in round.Slots.Where(s => LoopSlotKinds.BankFillable(s.Kind) && s.Count > 0))
                {
                    var matching = template.BankItemsFor(round, slot, items).Count;
                    if (matching == 0)
                    {
                        errors.Add(new ContentError(slot.Source,
                            $"a '{LoopSlotKinds.Slug(slot.Kind)}' slot of round '{round.Id}' in loop '{template.Id}' matches no item in the bank ({Describe(template, round, slot)})."));
                    }
                    else if (matching < slot.Count)
                    {
                        errors.Add(new ContentError(slot.Source,
                            $"a '{LoopSlotKinds.Slug(slot.Kind)}' slot of round '{round.Id}' in loop '{template.Id}' asks for {slot.Count} items but only {matching} match ({Describe(template, round, slot)})."));
                    }
                }
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
        return string.Join(", ", parts);
    }
}
