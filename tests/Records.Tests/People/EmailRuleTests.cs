using Records.Core.People;

namespace Records.Tests.People;

public class EmailRuleTests
{
    [Theory]
    [InlineData("grace@example.org")]
    [InlineData("grace.hopper+records@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    [InlineData("zoë@exämple.org")]
    public void APlainAddressIsAnEmail(string text) => Assert.True(EmailRule.IsValid(text));

    [Theory]
    [InlineData("")]
    [InlineData("grace")]
    [InlineData("grace@")]
    [InlineData("@example.org")]
    [InlineData("grace@localhost")]
    [InlineData("grace@example.")]
    [InlineData("grace@.example.org")]
    [InlineData("grace..hopper@example.org")]
    [InlineData("grace@@example.org")]
    [InlineData("a@b@example.org")]
    [InlineData("Grace <grace@example.org>")]
    [InlineData("grace@example.org, ada@example.org")]
    [InlineData("grace@example.org;ada@example.org")]
    [InlineData("grace hopper@example.org")]
    [InlineData("grace@example.org\r\nBcc: all@example.org")]
    [InlineData("\"grace hopper\"@example.org")]
    [InlineData("grace@exa\u0000mple.org")]
    public void AnythingElseIsNot(string text) => Assert.False(EmailRule.IsValid(text));

    [Fact]
    public void AnAddressLongerThanMailServersTakeIsNot()
    {
        var longest = new string('a', 64) + "@" + new string('b', EmailRule.MaxLength - 64 - 1 - 4) + ".org";
        Assert.Equal(EmailRule.MaxLength, longest.Length);
        Assert.True(EmailRule.IsValid(longest));
        Assert.False(EmailRule.IsValid("a" + longest));
    }
}
