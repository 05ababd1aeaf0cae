using Markdig;
using Microsoft.AspNetCore.Html;

namespace DsLoop.Web.Features.SqlPractice;

/// <summary>Prompts, hints and explanations of SQL problems are Markdown; raw HTML in them is never passed through.</summary>
internal static class SqlMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAdvancedExtensions().Build();

    public static HtmlString Html(string markdown) => new(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>One line of Markdown (a grader's feedback, say) without the paragraph around it, for a table cell.</summary>
    public static HtmlString Inline(string markdown)
    {
        var html = Markdown.ToHtml(markdown, Pipeline).TrimEnd();
        var single = html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
            && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0;
        return new(single ? html[3..^4] : html);
    }
}
