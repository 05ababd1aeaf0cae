using DsLoop.App.Practice;

namespace DsLoop.Web.Features.Practice;

internal static class PracticeFeature
{
    /// <summary>Answering open questions and the review schedule behind them.</summary>
    public static IServiceCollection AddPractice(this IServiceCollection services) => services
        .AddSingleton<ReviewScheduling>()
        .AddSingleton<PracticeService>()
        .AddSingleton<PracticeOverview>();
}
