using DsLoop.App.Drills;

namespace DsLoop.Web.Features.Drills;

internal static class DrillsFeature
{
    /// <summary>Statistics and probability drills stored as attempts.</summary>
    public static IServiceCollection AddDrills(this IServiceCollection services) => services.AddSingleton<DrillPractice>();
}
