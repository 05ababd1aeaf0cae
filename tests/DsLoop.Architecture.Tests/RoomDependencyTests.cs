using System.Text.RegularExpressions;
using System.Xml.Linq;
using DsLoop.Testing;
using Xunit;

namespace DsLoop.Architecture.Tests;

/// <summary>
/// docs/ARCHITECTURE.md's room table is the rule: each row names what a room may depend on. These tests read every
/// project file in src/ and fail when a room references a room, package or framework its row does not allow, when a
/// room has no row, or when a row names a room that does not exist, so the table and the code cannot drift apart.
/// </summary>
public sealed partial class RoomDependencyTests
{
    private static readonly string Architecture = Path.Combine(RepoPaths.Root, "docs", "ARCHITECTURE.md");

    /// <summary>Room name (e.g. "App") → what its row allows (room names, package ids, "ASP.NET Core").</summary>
    private static Dictionary<string, HashSet<string>> AllowedByDoc()
    {
        var rows = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Architecture))
        {
            var match = RoomRow().Match(line);
            if (!match.Success)
            {
                continue;
            }
            var allowed = match.Groups["allowed"].Value.Trim();
            rows[match.Groups["room"].Value] = allowed == "nothing"
                ? []
                : [.. allowed.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => a.Trim('`'))];
        }
        return rows;
    }

    /// <summary>Room name → what its project file references.</summary>
    private static Dictionary<string, HashSet<string>> ReferencedByProjects()
    {
        var rooms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var project in Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "DsLoop.*.csproj", SearchOption.AllDirectories))
        {
            var xml = XDocument.Load(project);
            var references = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in xml.Descendants())
            {
                var include = element.Attribute("Include")?.Value;
                switch (element.Name.LocalName)
                {
                    case "ProjectReference" when include is not null:
                        references.Add(Path.GetFileNameWithoutExtension(include)["DsLoop.".Length..]);
                        break;
                    case "PackageReference" when include is not null:
                        references.Add(include);
                        break;
                    case "FrameworkReference" when include == "Microsoft.AspNetCore.App":
                        references.Add("ASP.NET Core");
                        break;
                }
            }
            if (xml.Root?.Attribute("Sdk")?.Value == "Microsoft.NET.Sdk.Web")
            {
                references.Add("ASP.NET Core");
            }
            rooms[Path.GetFileNameWithoutExtension(project)["DsLoop.".Length..]] = references;
        }
        return rooms;
    }

    [Fact]
    public void Every_room_references_only_what_its_row_in_the_architecture_table_allows()
    {
        var allowed = AllowedByDoc();
        var rooms = ReferencedByProjects();
        Assert.NotEmpty(rooms);
        var problems = new List<string>();
        foreach (var (room, references) in rooms.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!allowed.TryGetValue(room, out var rule))
            {
                problems.Add($"src/DsLoop.{room} has no row in docs/ARCHITECTURE.md");
                continue;
            }
            problems.AddRange(references.Where(r => !rule.Contains(r)).Order(StringComparer.Ordinal)
                .Select(r => $"src/DsLoop.{room} references {r}, which its row does not allow"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_row_of_the_architecture_table_is_a_room_and_names_only_rooms_that_exist()
    {
        var allowed = AllowedByDoc();
        var rooms = ReferencedByProjects();
        Assert.NotEmpty(allowed);
        var problems = allowed.Keys.Where(r => !rooms.ContainsKey(r)).Select(r => $"the table has a row for src/DsLoop.{r}, which does not exist").ToList();
        // A capitalised single word that is not a package id is a room name; it must exist.
        problems.AddRange(allowed.Values.SelectMany(v => v).Distinct(StringComparer.Ordinal)
            .Where(name => RoomName().IsMatch(name) && !rooms.ContainsKey(name) && !IsPackage(name))
            .Select(name => $"a row allows '{name}', which is neither a room nor a package a project uses"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void No_room_depends_on_a_room_that_depends_on_it()
    {
        var rooms = ReferencedByProjects();
        Assert.NotEmpty(rooms);
        foreach (var room in rooms.Keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(rooms[room].Where(rooms.ContainsKey));
            while (stack.TryPop(out var next))
            {
                Assert.False(next == room, $"src/DsLoop.{room} depends on itself through its references");
                if (seen.Add(next))
                {
                    foreach (var further in rooms[next].Where(rooms.ContainsKey))
                    {
                        stack.Push(further);
                    }
                }
            }
        }
    }

    [Fact]
    public void The_application_room_does_not_know_about_asp_net_and_web_is_referenced_only_by_the_command_that_hosts_it()
    {
        var rooms = ReferencedByProjects();
        Assert.DoesNotContain("ASP.NET Core", rooms["App"]);
        Assert.Equal(["Cli"], rooms.Where(r => r.Value.Contains("Web")).Select(r => r.Key));
    }

    private static bool IsPackage(string name) =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Any(p => File.ReadAllText(p).Contains($"Include=\"{name}\"", StringComparison.Ordinal));

    [GeneratedRegex(@"^\|\s*`src/DsLoop\.(?<room>[A-Za-z]+)`\s*\|[^|]*\|\s*(?<allowed>[^|]*)\|\s*$")]
    private static partial Regex RoomRow();

    [GeneratedRegex(@"^[A-Z][a-z]+$")]
    private static partial Regex RoomName();
}
