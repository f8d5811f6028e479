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

    [Fact]
    public void EveryDefaultRendersAsItsFieldsReplacedOneByOne()
    {
        foreach (var template in EmailTemplates.All)
        {
            var values = template.Fields.ToDictionary(f => f, f => $"<{f} & “{f}”>\n");
            var expected = values.Aggregate(template.Body, (text, field) => text.Replace($"{{{{ {field.Key} }}}}", field.Value, StringComparison.Ordinal));
            Assert.Equal(expected, EmailTemplates.Render(template.Body, values));
        }
    }

    [Fact]
    public void AWordingMayUseLiquidTagsOnItsFields()
    {
        const string text = "{% if campaign != \"\" %}For {{ campaign | upcase }}.{% else %}Thanks.{% endif %}";
        Assert.Empty(EmailTemplates.Problems(text, ["campaign"]));
        Assert.Equal("For SPRING.", EmailTemplates.Render(text, new Dictionary<string, string> { ["campaign"] = "spring" }));
        Assert.Equal("Thanks.", EmailTemplates.Render(text, new Dictionary<string, string> { ["campaign"] = "" }));
    }

    [Fact]
    public void AnUnclosedTagIsReportedWithItsLine()
    {
        var problem = Assert.Single(EmailTemplates.Problems("Dear {{ nominee_name }},\n{% if nominee_name %}Hello", ["nominee_name"]));
        Assert.StartsWith("Line 2:", problem);
    }

    [Fact]
    public void AWordingThatWouldRunOnIsRefusedAsPostTemplatesAre()
    {
        var problem = Assert.Single(EmailTemplates.Problems("{% for i in (1..100) %}{% for j in (1..100000) %}{% endfor %}{{ nominee_name }}{% endfor %}", ["nominee_name"]));
        Assert.Contains("did not finish", problem);
        var tooLong = Assert.Single(EmailTemplates.Problems("{% for i in (1..20000) %}{{ nominee_name }}{% endfor %}", ["nominee_name"]));
        Assert.StartsWith("The message would be longer than", tooLong);
        Assert.Contains("did not finish", Assert.Single(EmailTemplates.Problems("{% for i in (1..900000000) %}x{% endfor %}", ["nominee_name"])));
    }

    [Fact]
    public void NamesALoopOrAnAssignGivesAreNotUnknownFields() =>
        Assert.Empty(EmailTemplates.Problems("{% assign who = nominee_name %}{% for c in who %}{{ c }}{{ forloop.index }}{% endfor %}{{ who }}", ["nominee_name"]));
}
