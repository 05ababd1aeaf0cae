using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Numbers;

/// <summary>The one claim of a kind an answer gets, for the check tests.</summary>
internal static class Claims
{
    public static CheckedClaim Only(string answer, ClaimKind kind)
    {
        var claims = NumberChecker.Examine(answer).Where(c => c.Kind == kind).ToList();
        Assert.True(claims.Count == 1, $"{claims.Count} {kind} claims in: {answer}");
        return claims[0];
    }

    /// <summary>The one claim of a kind whose claim words contain <paramref name="fragment"/>.</summary>
    public static CheckedClaim Only(string answer, ClaimKind kind, string fragment)
    {
        var claims = NumberChecker.Examine(answer).Where(c => c.Kind == kind && c.Note.Claim.Contains(fragment, StringComparison.Ordinal)).ToList();
        Assert.True(claims.Count == 1, $"{claims.Count} {kind} claims with '{fragment}' in: {answer}");
        return claims[0];
    }

    public static void None(string answer, ClaimKind kind) =>
        Assert.DoesNotContain(NumberChecker.Examine(answer), c => c.Kind == kind);
}
