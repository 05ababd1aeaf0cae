using DsLoop.App.Cases;
using DsLoop.Cases;
using DsLoop.Cases.Modeling;
using DsLoop.Content;
using DsLoop.Sql;

namespace DsLoop.Web.Features.Cases;

internal static class CasesFeature
{
    /// <summary>Case exercises on the shared dataset cache, and case attempts.</summary>
    public static IServiceCollection AddCases(this IServiceCollection services) => services
        .AddSingleton(provider => new CaseService(
            provider.GetRequiredService<DatasetCache>(),
            provider.GetRequiredService<ContentBank>().Frameworks.GetValueOrDefault(ModelingCase.PlanFrameworkId)))
        .AddSingleton<CaseAttempts>();
}
