using System.Globalization;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace DsLoop.Web.Features.Shared;

/// <summary>
/// The one Markdown renderer for every page: problem prompts, case briefs and feedback that quotes what a candidate
/// typed. Raw HTML is never passed through, and links and images keep only http, https and relative URLs; any other
/// scheme (javascript:, data:, vbscript:, however spelt) loses its link and shows as text.
/// </summary>
internal static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAdvancedExtensions().Build();

    public static HtmlString Html(string markdown) => new(Render(markdown));

    /// <summary>One line of Markdown (a grader's feedback, say) without the paragraph around it, for a table cell.</summary>
    public static HtmlString Inline(string markdown)
    {
        var html = Render(markdown).TrimEnd();
        var single = html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
            && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0;
        return new(single ? html[3..^4] : html);
    }

    /// <summary>
    /// True for http, https and relative URLs. Browsers drop tabs and line breaks inside a URL and spaces and control
    /// characters around it, so those are removed before the scheme is read; a colon before any '/', '?' or '#' names one.
    /// </summary>
    public static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }
        var cleaned = string.Concat(url.Where(c => c > ' ' && c != '\u007f'));
        var colon = cleaned.IndexOf(':', StringComparison.Ordinal);
        var pathStart = cleaned.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (pathStart >= 0 && pathStart < colon))
        {
            return true;
        }
        var scheme = cleaned[..colon];
        return scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
    }

    private static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().Where(l => !IsAllowedUrl(l.Url)).ToList())
        {
            Unlink(link);
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(l => !IsAllowedUrl(l.Url)).ToList())
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        // The rewriter is the second line of defence: any URL the tree walk missed is emptied on the way out.
        var renderer = new HtmlRenderer(writer) { LinkRewriter = url => IsAllowedUrl(url) ? url : "#" };
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>Replaces a link (or image) with what it shows: its text, or an image's alternative text.</summary>
    private static void Unlink(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }
}
