using Microsoft.EntityFrameworkCore;
using Records.Tests.Infrastructure;

namespace Records.Tests.Nominations;

/// <summary>A public nomination whose statement carries script links shows the Work Group no live script link.</summary>
public class NominationScriptLinkTests(NominateApp app) : IClassFixture<NominateApp>
{
    public const string Links =
        "Links that must not run: <javascript:alert(1)>, <JaVaScRiPt:alert(2)>, [click](javascript:alert(3)), " +
        "[entity](&#106;avascript:alert(4)), [data](data:text/html;base64,PHNjcmlwdD4=), [vb](vbscript:msgbox(5)), " +
        "![img](javascript:alert(6)), [ref][r] and a [good link](https://example.org/good).\n\n[r]: javascript:alert(7)";

    [Fact]
    public async Task TheWorkGroupSeesNoScriptLinkFromAPublicNomination()
    {
        await app.Browser().SendAndReadReceiptAsync(Nominate.Form("script-links@example.org").With("Input.Statement", Nominate.Statement + "\n\n" + Links));
        var id = await app.WithDbAsync(db => db.Nominations.Where(n => n.Nominee.Email == "script-links@example.org").Select(n => n.Id).SingleAsync());

        var page = await (await ReviewData.SignInAsync(app, "workgroup@records.local")).GetPageAsync($"/Nominations/Details/{id}");

        var statement = page.QuerySelector("[data-statement]")!;
        Assert.Contains("Links that must not run", statement.TextContent);
        var targets = statement.QuerySelectorAll("[href], [src]").Select(e => (e.GetAttribute("href") ?? e.GetAttribute("src"))!).ToList();
        Assert.Contains("https://example.org/good", targets);
        Assert.All(targets, t => Assert.True(t == "#" || t.StartsWith("https://", StringComparison.Ordinal), $"unsafe link target {t}"));
    }
}
