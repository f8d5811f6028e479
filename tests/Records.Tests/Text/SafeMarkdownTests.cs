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
}
