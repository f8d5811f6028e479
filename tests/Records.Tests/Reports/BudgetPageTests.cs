using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Budget;
using Records.Tests.Infrastructure;

namespace Records.Tests.Reports;

public class BudgetPageTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private async Task<HttpClient> AsAsync(string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        return client;
    }

    [Fact]
    public async Task StaffEnterAReserveFigureAndTheReportShowsIt()
    {
        var staff = await AsAsync(Roles.Staff);

        var response = await staff.SubmitAsync("/Reports/Budget", new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(BudgetLineKind.ReserveBalance), ["Input.Label"] = "Reserve at the end of the quarter", ["Input.Amount"] = "1,250,000",
            ["Input.Currency"] = "USD", ["Input.AsOf"] = "1985-03-31",
        }, "#budget-form");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = await app.WithDbAsync(db => db.BudgetLines.AsNoTracking().SingleAsync(l => l.Label == "Reserve at the end of the quarter"));
        Assert.Equal(1_250_000_00, line.AmountMinor);
        var report = await staff.GetPageAsync("/Reports/Financial?kind=year&year=1985");
        Assert.Contains(report.QuerySelectorAll("[data-budget] td"), td => td.TextContent == "$1,250,000.00");
    }

    [Theory]
    [InlineData("Input.Amount", "lots", "“lots” is not an amount: write it in USD like 250 or 99.50.")]
    [InlineData("Input.Amount", "", "Give the amount.")]
    [InlineData("Input.AsOf", "31/03/2020", "Give the date the figure is as of, as YYYY-MM-DD.")]
    [InlineData("Input.Currency", "dollars", "Give a three-letter currency code such as USD.")]
    public async Task ABadFigureIsNamedAndNotSaved(string field, string value, string message)
    {
        var staff = await AsAsync(Roles.Staff);
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = nameof(BudgetLineKind.Budget), ["Input.Label"] = "Bad figure", ["Input.Amount"] = "100", ["Input.Currency"] = "USD", ["Input.AsOf"] = "2020-01-01",
        };
        fields[field] = value;

        var response = await staff.SubmitAsync("/Reports/Budget", fields, "#budget-form");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, (await response.ReadPageAsync()).FieldError(field));
        Assert.False(await app.WithDbAsync(db => db.BudgetLines.AnyAsync(l => l.Label == "Bad figure")));
    }

    [Fact]
    public async Task DeletingAFigureSomeoneChangedSinceIsRefusedAndKeepsIt()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var line = db.BudgetLines.Add(new BudgetLine { Kind = BudgetLineKind.Budget, Label = "Figure changed meanwhile", AsOf = new DateOnly(1986, 6, 30), Currency = "USD", AmountMinor = 100_00 }).Entity;
            await db.SaveChangesAsync();
            return line.Id;
        });
        var staff = await AsAsync(Roles.Staff);
        var page = await staff.GetPageAsync("/Reports/Budget");
        await app.WithDbAsync(async db =>
        {
            var line = await db.BudgetLines.SingleAsync(l => l.Id == id);
            line.AmountMinor = 900_00;
            await db.SaveChangesAsync();
        });

        var response = await staff.SubmitFormAsync(page, $"/Reports/Budget?handler=Delete&id={id}", new Dictionary<string, string>(), $"form[action*='id={id}']");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else changed this figure", (await response.ReadPageAsync()).QuerySelector(".validation-summary-errors, [role=alert]")?.TextContent ?? "");
        Assert.Equal(900_00, await app.WithDbAsync(db => db.BudgetLines.Where(l => l.Id == id).Select(l => l.AmountMinor).SingleAsync()));

        var fresh = await staff.GetPageAsync("/Reports/Budget");
        var deleted = await staff.SubmitFormAsync(fresh, $"/Reports/Budget?handler=Delete&id={id}", new Dictionary<string, string>(), $"form[action*='id={id}']");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.BudgetLines.AnyAsync(l => l.Id == id)));
    }

    [Fact]
    public async Task TheBoardReadsTheFiguresButCannotChangeThem()
    {
        var staffToken = (await (await AsAsync(Roles.Staff)).GetPageAsync("/Reports/Budget")).QuerySelector("input[name=__RequestVerificationToken]");
        var board = await AsAsync(Roles.Board);

        var page = await board.GetPageAsync("/Reports/Budget");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                    ?? (await board.GetPageAsync("/")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await board.PostAsync("/Reports/Budget", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Input.Kind"] = "Budget", ["Input.Label"] = "Board try", ["Input.Amount"] = "1", ["Input.Currency"] = "USD", ["Input.AsOf"] = "2020-01-01",
        }));

        Assert.NotNull(staffToken);
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.BudgetLines.AnyAsync(l => l.Label == "Board try")));
    }
}
