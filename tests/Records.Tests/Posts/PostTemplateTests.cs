using Records.Core.Posts;

namespace Records.Tests.Posts;

public class PostTemplateTests
{
    private static readonly ServiceAwardPostModel Award = new("Python Software Foundation", "PSF", "John Roa", "2018 Q4", 2018, 4,
        "RESOLVED, that…\nsecond line", "Reasons.", "January 1, 2019");

    [Fact]
    public async Task ATemplateThatDoesNotParseIsRefusedWithItsLine()
    {
        var result = await PostTemplates.RenderAsync("Hello\n\n{% for x in y %}\n{{ recipient ", Award);

        Assert.False(result.Succeeded);
        Assert.Equal(4, result.Line);
        Assert.Null(result.Markdown);
    }

    [Fact]
    public async Task AnUnknownFieldIsRefusedWithItsNameAndLine()
    {
        var result = await PostTemplates.RenderAsync("{{ recipient }}\nAwarded {{ recipent_name }}.", Award);

        Assert.False(result.Succeeded);
        Assert.Contains("“recipent_name” is not a field of this post", result.Error);
        Assert.Contains("recipient", result.Error);
        Assert.Equal(2, result.Line);
    }

    [Fact]
    public async Task AnUnknownFieldOfAListItemIsRefusedWithItsNameAndLine()
    {
        var fellows = new FellowsPostModel("F", "F", "Q1 2020", 2020, 1, [new("Al", [])], "", "", "", "", "", 2, "May 20, 2020");

        var result = await PostTemplates.RenderAsync("Fellows:\n{% for fellow in fellows %}\n**{{ fellow.nmae }}**\n{% endfor %}", fellows);

        Assert.Equal("“fellow.nmae” is not a field: each of fellows has name, links.", result.Error);
        Assert.Equal(3, result.Line);
    }

    [Fact]
    public async Task AnUnknownFilterIsRefused()
    {
        var result = await PostTemplates.RenderAsync("{{ recipient | shout }}", Award);

        Assert.Equal("There is no filter called “shout”.", result.Error);
    }

    [Fact]
    public async Task ALoopWithoutEndIsStopped()
    {
        var result = await PostTemplates.RenderAsync("{% for i in (1..100000000) %}{{ i }}{% endfor %}", Award);

        Assert.False(result.Succeeded);
        Assert.Contains("did not finish", result.Error);
    }

    [Fact]
    public async Task BlockquoteQuotesEveryLineOfTheResolution()
    {
        var result = await PostTemplates.RenderAsync("{{ resolution | blockquote }}", Award);

        Assert.Equal("> RESOLVED, that…\n> second line\n", result.Markdown);
    }

    [Theory]
    [InlineData(PostKind.Fellows)]
    [InlineData(PostKind.ServiceAward)]
    [InlineData(PostKind.Thanks)]
    public void EachKindHasADefaultAndItsFields(PostKind kind)
    {
        Assert.False(string.IsNullOrWhiteSpace(PostTemplates.Default(kind)));
        Assert.Contains("foundation", PostTemplates.Fields(kind));
    }

    [Fact]
    public void TheFoundationsShortNameIsItsInitials()
    {
        Assert.Equal("PSF", PostModelTests.Settings.FoundationShort);
    }
}
