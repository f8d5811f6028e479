using AngleSharp.Html.Parser;
using Records.Core.Text;

namespace Records.Tests.Text;

public class SafeMarkdownTests
{
    [Fact]
    public void MarkdownBecomesHtml()
    {
        var html = SafeMarkdown.ToHtml("**Łukasz** maintains [Black](https://github.com/psf/black).\n\n- one\n- two");
        Assert.Contains("<strong>Łukasz</strong>", html);
        Assert.Contains("<a href=\"https://github.com/psf/black\">Black</a>", html);
        Assert.Contains("<li>two</li>", html);
    }

    [Fact]
    public void RawHtmlIsEscapedNeverPassedThrough()
    {
        var html = SafeMarkdown.ToHtml("Hi <script>alert(1)</script> <img src=x onerror=alert(2)>");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("![x](vbscript:msgbox)")]
    public void LinksOnlyGoToWebAndMailAddresses(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.DoesNotContain("script:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html);
        Assert.Contains("href=\"#\"", html.Replace("src=\"#\"", "href=\"#\""));
    }

    public static TheoryData<string> ScriptLinks => new()
    {
        "<javascript:alert(1)>",
        "<JaVaScRiPt:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html,<script>alert(1)</script>>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;&#x61;vascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x]( javascript:alert(1))",
        "[x](\u0001javascript:alert(1))",
        "[x](jav&#x09;ascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "[x](vbscript:msgbox)",
        "[x](file:///etc/passwd)",
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2Zz4=)",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x][r]\n\n[r]: <JAVASCRIPT:alert(1)>",
        "![x][r]\n\n[r]: data:image/png;base64,AAAA",
        "[r]\n\n[r]: &#106;avascript:alert(1)",
        "[x](//evil.example.org/x)",
        "[x](/\\evil.example.org)",
    };

    [Theory]
    [MemberData(nameof(ScriptLinks))]
    public void EveryKindOfLinkGoesOnlyToWebOrMailAddresses(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);

        var document = new HtmlParser().ParseDocument("<body>" + html);
        foreach (var element in document.QuerySelectorAll("[href], [src]"))
        {
            var target = (element.GetAttribute("href") ?? element.GetAttribute("src"))!;
            Assert.True(target == "#" || target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal)
                || target.StartsWith("mailto:", StringComparison.Ordinal), $"{markdown} gave {element.OuterHtml}");
        }
        Assert.Empty(document.QuerySelectorAll("script, [onerror], [onclick]"));
    }

    [Theory]
    [InlineData("<https://example.org/a>", "https://example.org/a")]
    [InlineData("<mailto:grace@example.org>", "mailto:grace@example.org")]
    [InlineData("<grace@example.org>", "mailto:grace@example.org")]
    [InlineData("[x](HTTPS://example.org)", "HTTPS://example.org")]
    [InlineData("[x][r]\n\n[r]: https://example.org/r", "https://example.org/r")]
    [InlineData("see www.python.org", "http://www.python.org")]
    public void WebAndMailLinksStay(string markdown, string href)
    {
        var document = new HtmlParser().ParseDocument("<body>" + SafeMarkdown.ToHtml(markdown));

        Assert.Equal(href, document.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("[a](", 20_000)]
    [InlineData("[a](", 75_000)]
    [InlineData("a_ ", 100_000)]
    [InlineData("[", 200_000)]
    [InlineData("> ", 150)]
    [InlineData("*a **a ", 40_000)]
    public void MarkdownThatWouldParseSlowlyIsShownAsPlainTextAndNamedAsAProblem(string piece, int times)
    {
        var text = string.Concat(Enumerable.Repeat(piece, times)) + "end";

        var html = SafeMarkdown.ToHtml(text);

        Assert.NotNull(SafeMarkdown.Problem(text));
        Assert.StartsWith("<p>", html);
        Assert.EndsWith("end</p>\n", html);
    }

    [Fact]
    public void TextLongerThanTheMaximumIsShownAsPlainParagraphs()
    {
        var text = "**bold**\n\n" + new string('x', SafeMarkdown.MaxLength);

        Assert.Equal("<p>**bold**</p>\n<p>" + new string('x', SafeMarkdown.MaxLength) + "</p>\n", SafeMarkdown.ToHtml(text));
        Assert.Equal($"Keep the text to {SafeMarkdown.MaxLength:N0} characters (it has {text.Length:N0}).", SafeMarkdown.Problem(text));
    }

    [Fact]
    public void OrdinaryWritingWithManyLinksIsNoProblem()
    {
        var paragraph = string.Join(" ", Enumerable.Range(0, 100).Select(i => $"She wrote [project {i}](https://example.org/projects/{i}) and **led** its first release, then handed it on."));

        Assert.Null(SafeMarkdown.Problem(paragraph));
        Assert.Equal(100, new HtmlParser().ParseDocument("<body>" + SafeMarkdown.ToHtml(paragraph)).QuerySelectorAll("a").Length);
    }

    [Fact]
    public void AStatementOfThousandsOfHeadingsOrItemsIsNamedAsAProblem()
    {
        Assert.Equal("The text has more than 1,000 paragraphs, headings and list items: write fewer, longer paragraphs.",
            SafeMarkdown.Problem(string.Concat(Enumerable.Repeat("# a\n", 5_000))));
        Assert.NotNull(SafeMarkdown.Problem(string.Concat(Enumerable.Repeat("* a\n", 5_000))));
        Assert.Null(SafeMarkdown.Problem(string.Concat(Enumerable.Repeat("* a\n", 300))));
    }
}
