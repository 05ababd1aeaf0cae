using Markdig;
using Microsoft.AspNetCore.Html;

namespace DsLoop.Web.Features.SqlPractice;

/// <summary>Prompts, hints and explanations of SQL problems are Markdown; raw HTML in them is never passed through.</summary>
internal static class SqlMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAdvancedExtensions().Build();

    public static HtmlString Html(string markdown) => new(Markdown.ToHtml(markdown, Pipeline));
}
