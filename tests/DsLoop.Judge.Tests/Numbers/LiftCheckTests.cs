using DsLoop.Judge.Numbers;

namespace DsLoop.Judge.Tests.Numbers;

public sealed class LiftCheckTests
{
    private static CheckedClaim Only(string answer)
    {
        var claims = NumberChecker.Examine(answer).Where(c => c.Kind == ClaimKind.Lift).ToList();
        Assert.True(claims.Count == 1, $"{claims.Count} lift claims in: {answer}");
        return claims[0];
    }

    [Theory]
    [InlineData("Conversion went from 40% to 42%, which is a 5% relative lift.")]
    [InlineData("Conversion went from 40% to 42%, which is 2 points.")]
    [InlineData("Conversion went from 40% to 42%, a 2 percentage point increase.")]
    [InlineData("It moved from 10% to 12%, a 20% lift.")]
    [InlineData("Retention fell from 30% to 27%, a 10% relative drop.")]
    [InlineData("Conversion went from 42% to 44%, a 4.8% lift.")]
    public void Right_lifts_are_consistent(string answer) => Assert.Equal(CheckedClaim.Consistent, Only(answer).Note.Verdict);

    [Fact]
    public void Points_called_a_percent_lift_are_wrong_and_the_note_gives_both_figures()
    {
        var note = Only("Conversion went from 40% to 42%, which is a 2% lift.").Note;
        Assert.True(note.Wrong);
        Assert.Contains("2 points", note.Explanation);
        Assert.Contains("5% relative", note.Explanation);
    }

    [Theory]
    [InlineData("Conversion went from 40% to 42%, which is 5 points.")]
    [InlineData("It moved from 10% to 12%, a 10% relative lift.")]
    public void Wrong_lifts_are_wrong(string answer) => Assert.True(Only(answer).Note.Wrong);
}
