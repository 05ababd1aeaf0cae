namespace DsLoop.Web.Features.Readiness;

internal static class ReadinessFeature
{
    /// <summary>The readiness dashboard's services.</summary>
    public static IServiceCollection AddReadiness(this IServiceCollection services) => services;
}
