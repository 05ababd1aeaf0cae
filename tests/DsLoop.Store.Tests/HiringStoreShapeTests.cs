using System.Reflection;
using Xunit;

namespace DsLoop.Store.Tests;

/// <summary>The hiring store's shape: reads and writes are scoped to a workspace, and the audit log can only grow.</summary>
public sealed class HiringStoreShapeTests
{
    private static readonly MethodInfo[] Methods = typeof(IHiringStore).GetMethods();

    [Fact]
    public void Every_method_but_creating_a_workspace_and_listing_ones_own_seats_takes_the_workspace_id_first()
    {
        var unscoped = Methods
            .Where(m => m.GetParameters().FirstOrDefault()?.Name != "workspaceId"
                && m.GetParameters().FirstOrDefault()?.ParameterType is { } first
                && !(first.Namespace == "DsLoop.Core.Hiring" && first.GetProperty("WorkspaceId") is not null))
            .Select(m => m.Name)
            .Order();
        Assert.Equal(["CreateWorkspaceAsync", "ListSeatsAsync"], unscoped);
    }

    [Fact]
    public void The_audit_log_has_no_method_that_changes_or_deletes_a_row()
    {
        var audit = Methods.Where(m => m.Name.Contains("Audit", StringComparison.Ordinal)).Select(m => m.Name);
        Assert.Equal(["ListAuditPageAsync"], audit);
        Assert.DoesNotContain(Methods, m => m.Name.StartsWith("Delete", StringComparison.Ordinal) || m.Name.StartsWith("Remove", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_one_audit_writer_inserts_into_the_audit_log_and_nothing_updates_or_deletes_it()
    {
        var source = string.Concat(Directory.GetFiles(Path.Combine(DsLoop.Testing.RepoPaths.Root, "src", "DsLoop.Store"), "*.cs").Select(File.ReadAllText));
        Assert.Equal(1, CountOf(source, "INSERT INTO audit_log"));
        Assert.Equal(0, CountOf(source, "UPDATE audit_log"));
        Assert.Equal(0, CountOf(source, "DELETE FROM audit_log"));
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "", StringComparison.OrdinalIgnoreCase).Length) / what.Length;
}
