using DsLoop.App.Review;

namespace DsLoop.Web.Features.Review;

internal static class ReviewFeature
{
    /// <summary>The FSRS review queue.</summary>
    public static IServiceCollection AddReview(this IServiceCollection services) => services.AddSingleton<ReviewQueue>();
}
