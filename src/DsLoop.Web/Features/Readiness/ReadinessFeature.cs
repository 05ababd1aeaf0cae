using DsLoop.App.Readiness;

namespace DsLoop.Web.Features.Readiness;

internal static class ReadinessFeature
{
    /// <summary>The readiness dashboard.</summary>
    public static IServiceCollection AddReadiness(this IServiceCollection services) => services.AddSingleton<ReadinessService>();
}
