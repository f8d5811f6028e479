using Records.Core.Mail;

namespace Records.Tests.Mail;

public class EmailTemplatesTests
{
    [Fact]
    public void FieldsAreFilledAndUnknownValuesRenderEmpty()
    {
        var text = EmailTemplates.Render("Dear {{ nominator_name }},{{nominee_name}} {{ round }}.", new Dictionary<string, string>
        {
            ["nominator_name"] = "Ada",
            ["nominee_name"] = "Łukasz Langa",
        });
        Assert.Equal("Dear Ada,Łukasz Langa .", text);
    }

    [Fact]
    public void EveryDefaultUsesOnlyItsOwnFields()
    {
        foreach (var template in EmailTemplates.All)
        {
            Assert.Empty(EmailTemplates.Problems(template.Subject, template.Fields));
            Assert.Empty(EmailTemplates.Problems(template.Body, template.Fields));
        }
    }

    [Fact]
    public void UnknownFieldIsReportedWithItsLine()
    {
        var problems = EmailTemplates.Problems("Hello\n{{ nominee_name }} and {{ salary }}", ["nominee_name"]);
        var problem = Assert.Single(problems);
        Assert.StartsWith("Line 2:", problem);
        Assert.Contains("{{ salary }}", problem);
    }

    [Fact]
    public void UnclosedBraceIsReportedWithItsLine()
    {
        var problem = Assert.Single(EmailTemplates.Problems("One\nTwo\nDear {{ nominee_name", ["nominee_name"]));
        Assert.StartsWith("Line 3:", problem);
    }
}
