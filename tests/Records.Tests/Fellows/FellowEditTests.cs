using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Fellows;
using Records.Tests.Infrastructure;
using static Records.Tests.Fellows.RosterHtml;

namespace Records.Tests.Fellows;

public class FellowEditTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private Task<int> IdOfAsync(string name) => app.WithDbAsync(db => db.Fellows.Where(f => f.Person.Name == name).Select(f => f.Id).SingleAsync());

    private async Task<HttpClient> StaffAsync(string role = "Staff")
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        return client;
    }

    private static Dictionary<string, string> Fields(string status, string year = "2020", string quarter = "1") =>
        new() { ["Input.Status"] = status, ["Input.Year"] = year, ["Input.Quarter"] = quarter };

    [Fact]
    public async Task StaffMarkAFellowDeceasedAndTheRosterRemembersThem()
    {
        var id = await IdOfAsync("Serhiy Storchaka");
        var client = await StaffAsync();

        var form = await client.GetPageAsync($"/Fellows/Edit/{id}");
        Assert.Equal("Active", form.QuerySelector("input[name='Input.Status'][checked]")!.GetAttribute("value"));
        var response = await client.SubmitAsync($"/Fellows/Edit/{id}", Fields("Deceased"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roster = await client.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("Saved Serhiy Storchaka: in memoriam, 2020 Q1.", TextOf(roster.QuerySelector(".flash")!));
        Assert.Equal("In memoriam", TextOf(FellowItem(roster, "Serhiy Storchaka").QuerySelector(".badge")!));
        var publicRoster = await app.Browser().GetPageAsync("/Fellows");
        Assert.Equal("In memoriam", TextOf(FellowItem(publicRoster, "Serhiy Storchaka").QuerySelector(".badge")!));
        Assert.Equal(FellowStatus.Deceased, await app.WithDbAsync(db => db.Fellows.Where(f => f.Id == id).Select(f => f.Status).SingleAsync()));
    }

    [Fact]
    public async Task AdminMakesAFellowEmeritusAndMovesThemToTheEndOfAnotherQuarter()
    {
        var id = await IdOfAsync("Alexandre Savio");
        var client = await StaffAsync("Admin");

        var response = await client.SubmitAsync($"/Fellows/Edit/{id}", Fields("Emeritus", "2019", "4"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roster = await app.Browser().GetPageAsync("/Fellows");
        Assert.Equal("Emeritus", TextOf(FellowItem(roster, "Alexandre Savio").QuerySelector(".badge")!));
        Assert.Equal(["Alexandre Savio"], roster.QuerySelectorAll("[data-quarter='2019-4'] .name").Select(TextOf));
        Assert.DoesNotContain("Alexandre Savio", roster.QuerySelectorAll("[data-quarter='2020-1'] .name").Select(TextOf));
    }

    [Fact]
    public async Task StaleEditIsRefusedWithAConflictAndChangesNothing()
    {
        var id = await IdOfAsync("Tom Christie");
        var client = await StaffAsync();
        var form = await client.GetPageAsync($"/Fellows/Edit/{id}");

        var other = await StaffAsync("Admin");
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync($"/Fellows/Edit/{id}", Fields("Emeritus"))).StatusCode);

        var response = await client.SubmitFormAsync(form, $"/Fellows/Edit/{id}", Fields("Deceased"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else changed this Fellow while you were editing", TextOf((await response.ReadPageAsync()).Body!));
        Assert.Equal(FellowStatus.Emeritus, await app.WithDbAsync(db => db.Fellows.Where(f => f.Id == id).Select(f => f.Status).SingleAsync()));
    }

    [Fact]
    public async Task BadValuesAreRefusedBesideTheirFields()
    {
        var id = await IdOfAsync("Darya Chyzhyk");
        var client = await StaffAsync();

        var response = await client.SubmitAsync($"/Fellows/Edit/{id}", Fields("Retired", "20x0", "5"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Choose Active, Emeritus or Deceased.", page.FieldError("Input.Status"));
        Assert.Equal($"Enter the year of induction, from 1990 to {DateTime.UtcNow.Year + 1}.", page.FieldError("Input.Year"));
        Assert.Equal("Choose the quarter, 1 to 4.", page.FieldError("Input.Quarter"));
        var fellow = await app.WithDbAsync(db => db.Fellows.SingleAsync(f => f.Id == id));
        Assert.Equal((FellowStatus.Active, 2020, 1), (fellow.Status, fellow.Year, fellow.Quarter));
    }

    [Fact]
    public async Task AnUnknownFellowIsNotFound()
    {
        var client = await StaffAsync();

        var page = await client.GetPageAsync("/Fellows/Edit/999999", HttpStatusCode.NotFound);

        Assert.Equal("Page not found", TextOf(page.QuerySelector("h1")!));
    }
}
