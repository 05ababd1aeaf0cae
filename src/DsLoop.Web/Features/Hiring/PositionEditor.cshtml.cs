using DsLoop.App.Hiring;
using DsLoop.Content;
using DsLoop.Core;
using DsLoop.Core.Hiring;
using Microsoft.AspNetCore.Mvc;

namespace DsLoop.Web.Features.Hiring;

/// <summary>Creates a position (<c>/positions/new</c>) or changes one (<c>/positions/{id}/edit</c>); admins, recruiters and hiring managers.</summary>
internal sealed class PositionEditorModel(HiringAccess access, PositionService positions, ContentBank content) : HiringPage(access)
{
    public ContentBank Bank => content;

    /// <summary>The form as sent (or as stored, when editing), to fill the fields again.</summary>
    public PositionForm Form { get; private set; } = new()
    {
        Level = "senior",
        Variant = "any",
        SqlMinutes = "45",
        TakeHome = "experiment",
        TakeHomeHours = "3",
    };

    public string? PositionId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string workspaceId, string? positionId, CancellationToken cancellationToken)
    {
        if (await EnterAsync(workspaceId, HiringPermission.EditPositions, cancellationToken) is { } refused)
        {
            return refused;
        }
        if (positionId is not null)
        {
            var found = await positions.GetAsync(Member, positionId, cancellationToken);
            if (found.Value is not { } position)
            {
                return NotFound();
            }
            PositionId = position.Id;
            Form = FromPosition(position);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string workspaceId, string? positionId, CancellationToken cancellationToken)
    {
        if (await EnterAsync(workspaceId, HiringPermission.EditPositions, cancellationToken) is { } refused)
        {
            return refused;
        }
        PositionId = positionId;
        Form = FromRequest(Request.Form);
        var saved = positionId is null
            ? await positions.CreateAsync(Member, Form, cancellationToken)
            : await positions.UpdateAsync(Member, positionId, Form, cancellationToken);
        return saved.Value is { } position ? Redirect($"/hiring/{Member.WorkspaceId}/positions/{position.Id}") : Refused(saved, Page);
    }

    /// <summary>The value a weight field shows.</summary>
    public string WeightText(Dimension dimension) =>
        Form.Weights.GetValueOrDefault(Dimensions.Slug(dimension)) ?? ScorecardWeights.Default.Percent(dimension).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static PositionForm FromRequest(IFormCollection form) => new()
    {
        Title = form["Title"],
        Level = form["Level"],
        Variant = form["Variant"],
        LoopTemplate = form["LoopTemplate"],
        Weights = Dimensions.All.Where(d => form.ContainsKey(ScorecardWeights.FieldName(d)))
            .ToDictionary(d => Dimensions.Slug(d), d => (string?)form[ScorecardWeights.FieldName(d)].ToString()),
        SqlProblems = form["SqlProblems"],
        SqlMinutes = form["SqlMinutes"],
        TakeHome = form["TakeHome"],
        TakeHomeHours = form["TakeHomeHours"],
    };

    private static PositionForm FromPosition(Position p) => new()
    {
        Title = p.Title,
        Level = LevelsAndVariants.Slug(p.Level),
        Variant = LevelsAndVariants.Slug(p.Variant),
        LoopTemplate = p.LoopTemplateId,
        Weights = Dimensions.All.ToDictionary(Dimensions.Slug, d => (string?)p.Weights.Percent(d).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        SqlProblems = string.Join(", ", p.Sql.ProblemIds),
        SqlMinutes = p.Sql.Minutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        TakeHome = HiringExercises.Slug(p.TakeHome.Case),
        TakeHomeHours = p.TakeHome.ExpectedHours.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
