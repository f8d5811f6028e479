using System.Net;
using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Records.Core.Text;

/// <summary>
/// Markdown from the public (nomination statements, reasons) and from templates turned into HTML that is safe to
/// show staff: raw HTML is escaped, never passed through; links and images may only go to http, https or mailto
/// addresses; and the result passes through an HTML sanitiser with the same rule, as a second wall.
/// Whatever it is given, it answers quickly: text too long, nested too deep, or with so much markup in one
/// paragraph that Markdig's parser would slow down, is shown as plain paragraphs instead of being parsed.
/// </summary>
public static class SafeMarkdown
{
    /// <summary>Longer than any statement (20,000) or post (a template's output stops at 256 KB).</summary>
    public const int MaxLength = 300_000;
    /// <summary>Quotes, lists and emphasis inside one another; real writing stays far below it.</summary>
    public const int MaxNesting = 32;
    /// <summary>
    /// Markup characters times the length of the paragraph they are in, summed over paragraphs. Markdig's inline
    /// parser can take time that grows with both (80 KB of "[a](" took 7 s); ordinary prose with a hundred links in
    /// one 20,000-character paragraph scores about 10 million.
    /// </summary>
    public const long MaxMarkupWork = 30_000_000;

    /// <summary>Paragraphs, items, links and emphasis in one text: a post naming thousands of donors and sponsors stays well below.</summary>
    public const int MaxElements = 50_000;

    /// <summary>
    /// Paragraphs, headings and list items in a text a person writes (a statement): each costs the sanitiser time,
    /// and no statement needs more. Posts, written from templates, are held only to <see cref="MaxElements"/>.
    /// </summary>
    public const int MaxBlocks = 1_000;

    private static readonly string[] Schemes = ["http", "https", "mailto"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder { MaximumNestingDepth = MaxNesting }
        .DisableHtml().UseAutoLinks().UseEmphasisExtras().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in Schemes) sanitizer.AllowedSchemes.Add(scheme);
        sanitizer.AllowedAttributes.Add("class");
        return sanitizer;
    }

    /// <summary>Why this text cannot be shown as Markdown, in the writer's words; null when it can.</summary>
    public static string? Problem(string? markdown)
    {
        if (string.IsNullOrEmpty(markdown)) return null;
        if (markdown.Length > MaxLength) return $"Keep the text to {MaxLength:N0} characters (it has {markdown.Length:N0}).";
        if (MarkupWork(markdown) > MaxMarkupWork)
            return "The text has too many Markdown signs ([ ] ( ) * _ ~ ` < > !) packed together: write it as sentences and paragraphs.";
        var document = TryParse(markdown);
        if (document is null) return "Quotes, lists or emphasis are nested too deeply inside one another: keep to a few levels.";
        return document.Descendants<Block>().Skip(MaxBlocks).Any()
            ? $"The text has more than {MaxBlocks:N0} paragraphs, headings and list items: write fewer, longer paragraphs."
            : null;
    }

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        if (markdown.Length > MaxLength || MarkupWork(markdown) > MaxMarkupWork) return Plain(markdown);
        var document = TryParse(markdown);
        if (document is null || document.Descendants().Skip(MaxElements).Any()) return Plain(markdown);
        foreach (var definition in document.Descendants<LinkReferenceDefinition>())
        {
            if (!IsSafe(definition.Url)) definition.Url = "#";
        }
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url)) link.Url = "#";
            link.GetDynamicUrl = null;
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsSafe(autolink.Url)) autolink.Url = "#";
        }
        return RenderSanitised(document);
    }

    /// <summary>
    /// Renders the top-level blocks and sanitises them a few at a time: the sanitiser's time grows faster than the
    /// number of elements it is given at once, so a post of thousands of paragraphs is cut into small pieces.
    /// </summary>
    private static string RenderSanitised(MarkdownDocument document)
    {
        var html = new StringBuilder();
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        var elements = 0;
        foreach (var block in document)
        {
            renderer.Render(block);
            elements += 1 + block.Descendants().Count();
            if (elements < ElementsPerPiece) continue;
            html.Append(Sanitise(writer));
            elements = 0;
        }
        html.Append(Sanitise(writer));
        return html.ToString();
    }

    private const int ElementsPerPiece = 200;

    private static string Sanitise(StringWriter writer)
    {
        writer.Flush();
        var piece = writer.ToString();
        writer.GetStringBuilder().Clear();
        return piece.Length == 0 ? "" : Sanitizer.Sanitize(piece) + "\n";
    }

    /// <summary>
    /// True for an http, https or mailto address, or a reference within the page or site (no scheme). Anything with
    /// another scheme, however it is written (case, entities already decoded by Markdig, spaces or control
    /// characters in front), is not safe.
    /// </summary>
    public static bool IsSafe(string? url)
    {
        if (string.IsNullOrEmpty(url)) return true;
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')) return false;
        var colon = url.IndexOf(':');
        var pathStart = url.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (pathStart >= 0 && pathStart < colon)) return !url.StartsWith("//", StringComparison.Ordinal);
        var scheme = url[..colon];
        return Schemes.Contains(scheme, StringComparer.OrdinalIgnoreCase)
            && Uri.TryCreate(url, UriKind.Absolute, out var absolute)
            && Schemes.Contains(absolute.Scheme);
    }

    private static MarkdownDocument? TryParse(string markdown)
    {
        try
        {
            return Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses nesting deeper than MaximumNestingDepth this way.
            return null;
        }
    }

    /// <summary>
    /// Markup characters times paragraph length, summed. A paragraph ends at a blank line or where a bullet starts,
    /// as it does for Markdig, whose inline parsing works one paragraph at a time.
    /// </summary>
    internal static long MarkupWork(string markdown)
    {
        long work = 0;
        long length = 0, markup = 0;
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            var trimmed = line.TrimStart();
            // Indented four or more, a bullet may continue the paragraph above, so it is counted with it.
            if (trimmed.IsEmpty || (line.Length - trimmed.Length < 4 && IsBullet(trimmed)))
            {
                work += length * markup;
                length = markup = 0;
            }
            length += line.Length + 1;
            foreach (var c in line)
            {
                if (c is '[' or ']' or '(' or ')' or '*' or '_' or '~' or '`' or '<' or '>' or '!' or '^' or '+' or '=') markup++;
            }
        }
        return work + length * markup;
    }

    private static bool IsBullet(ReadOnlySpan<char> line) =>
        line.Length >= 2 && line[0] is '*' or '-' or '+' && line[1] is ' ' or '\t';

    /// <summary>The text as it was written, in paragraphs, with nothing interpreted.</summary>
    private static string Plain(string text)
    {
        var html = new StringBuilder(text.Length + 64);
        foreach (var paragraph in text.Replace("\r\n", "\n").Split("\n\n"))
        {
            if (string.IsNullOrWhiteSpace(paragraph)) continue;
            html.Append("<p>").Append(WebUtility.HtmlEncode(paragraph.Trim()).Replace("\n", "<br>\n")).Append("</p>\n");
        }
        return html.ToString();
    }
}
