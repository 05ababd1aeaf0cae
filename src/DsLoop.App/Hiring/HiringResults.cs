using DsLoop.Core.Hiring;
using DsLoop.Store;

namespace DsLoop.App.Hiring;

/// <summary>One candidate's result as the team sees it: the invitation, its state and the graded answers.</summary>
/// <param name="Invitation">The invitation (score and times included).</param>
/// <param name="State">Where it stands now.</param>
/// <param name="Answers">The saved answers with their verdicts.</param>
public sealed record CandidateResult(Invitation Invitation, InvitationState State, IReadOnlyList<HiringAnswer> Answers);

/// <summary>Results for admins, recruiters and hiring managers; a screen past its deadline is scored before it is shown.</summary>
/// <param name="store">The store.</param>
/// <param name="screens">Closes screens past their deadline.</param>
/// <param name="invitations">Lists invitations (recording expiries).</param>
/// <param name="clock">The present.</param>
public sealed class HiringResults(IAppStore store, SqlScreenService screens, InvitationService invitations, TimeProvider clock)
{
    /// <summary>Every candidate of a position, newest invitation first.</summary>
    public async Task<HiringOutcome<IReadOnlyList<CandidateResult>>> ForPositionAsync(HiringMember member, string positionId, CancellationToken cancellationToken = default)
    {
        if (!member.May(HiringPermission.ViewResults))
        {
            return HiringOutcome<IReadOnlyList<CandidateResult>>.Forbidden(HiringPermission.ViewResults);
        }
        var listed = await invitations.ListAsync(member, positionId, cancellationToken);
        if (listed.Value is not { } all)
        {
            return HiringOutcome<IReadOnlyList<CandidateResult>>.No(listed.Refusal!.Value, listed.Problem!);
        }
        var results = new List<CandidateResult>(all.Count);
        foreach (var invitation in all)
        {
            var current = await screens.CloseIfDueAsync(invitation, cancellationToken);
            var answers = current.StartedAt is null ? [] : await store.Hiring.ListAnswersAsync(member.WorkspaceId, current.Id, cancellationToken);
            results.Add(new CandidateResult(current, current.StateAt(clock.GetUtcNow()), answers));
        }
        return HiringOutcome<IReadOnlyList<CandidateResult>>.Done(results);
    }
}
