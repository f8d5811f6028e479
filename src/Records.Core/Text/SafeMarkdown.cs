using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Records.Core.Text;

/// <summary>
/// Markdown from the public (nomination statements, reasons) turned into HTML that is safe to show staff: raw HTML
/// is escaped, never passed through, and links may only go to http, https or mailto addresses.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras().Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "#";
        }
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    public static bool IsSafe(string? url) =>
        string.IsNullOrEmpty(url) ||
        (Uri.TryCreate(url, UriKind.Absolute, out var absolute)
            ? absolute.Scheme is "http" or "https" or "mailto"
            : !url.Contains(':'));
}
