using DsLoop.App.MockLoop;

namespace DsLoop.Web.Features.MockLoop;

internal static class MockLoopFeature
{
    /// <summary>The loop engine, its store helper and the SQL grading seam.</summary>
    public static IServiceCollection AddMockLoop(this IServiceCollection services) => services
        .AddSingleton<ILoopSqlGrader, PracticeLoopSqlGrader>()
        .AddSingleton<LoopEngine>()
        .AddSingleton<LoopRuns>();
}
