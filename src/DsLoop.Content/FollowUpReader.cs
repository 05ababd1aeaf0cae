namespace DsLoop.Content;

/// <summary>
/// Reads the '## Follow-ups' section: each '- ' bullet is a probe, and the '  - ' bullets nested under it are the
/// points a good answer to that probe contains (see docs/CONTENT.md). A line that is neither continues the bullet above.
/// </summary>
internal static class FollowUpReader
{
    private sealed class Draft(string probe, SourceSpan where)
    {
        public string Probe { get; set; } = probe;
        public SourceSpan Where { get; } = where;
        public List<string> Points { get; } = [];
    }

    public static List<FollowUp> Read(IReadOnlyList<(string Text, SourceSpan Where)> lines, string id, List<ContentError> errors)
    {
        var drafts = new List<Draft>();
        foreach (var (raw, where) in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var nested = raw.Length > 0 && char.IsWhiteSpace(raw[0]);
            if (line == "-")
            {
                errors.Add(new ContentError(where, $"an empty bullet under '## {QuestionReader.FollowUpsSection}' of item '{id}'."));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal) && !nested)
            {
                drafts.Add(new Draft(line[2..].Trim(), where));
            }
            else if (drafts.Count == 0)
            {
                errors.Add(new ContentError(where, $"'## {QuestionReader.FollowUpsSection}' of item '{id}' must start with a '- ' probe bullet."));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                drafts[^1].Points.Add(line[2..].Trim());
            }
            else if (drafts[^1].Points.Count > 0)
            {
                drafts[^1].Points[^1] += " " + line;
            }
            else
            {
                drafts[^1].Probe += " " + line;
            }
        }
        foreach (var draft in drafts.Where(d => d.Points.Count is < QuestionReader.MinPoints or > QuestionReader.MaxPoints))
        {
            errors.Add(new ContentError(draft.Where,
                $"follow-up '{draft.Probe}' of item '{id}' needs {QuestionReader.MinPoints}–{QuestionReader.MaxPoints} expected points " +
                $"as nested '  - ' bullets, found {draft.Points.Count}."));
        }
        return [.. drafts.Select(d => new FollowUp(d.Probe, d.Points))];
    }
}
