using System.Net;
using Microsoft.EntityFrameworkCore;
using Records.Core.ServiceAwards;
using Records.Tests.Infrastructure;

namespace Records.Tests.ServiceAwards;

public class DecisionTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private async Task<HttpClient> AsAsync(string role)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(role);
        return client;
    }

    private Task<ServiceAward> AwardAsync(int id) => app.WithDbAsync(db => db.ServiceAwards.AsNoTracking().Include(a => a.History).SingleAsync(a => a.Id == id));

    private static Task<HttpResponseMessage> Decide(HttpClient client, int id, string handler, Dictionary<string, string> fields) =>
        client.SubmitAsync($"/ServiceAwards/Details/{id}", fields, formSelector: $"form[action*='handler={handler}']");

    [Fact]
    public async Task BoardApprovesWithTheDraftedResolutionAndTheConfiguredAward()
    {
        var id = await AwardData.ProposalAsync(app, "Ada Example");
        var board = await AsAsync("Board");
        var page = await board.GetPageAsync($"/ServiceAwards/Details/{id}");
        var draft = page.QuerySelector("textarea[name='Approve.Resolution']")!.TextContent.Trim();
        Assert.Equal("RESOLVED, that the Python Software Foundation award the 2026 Q3 Community Service Award to Ada Example for running PyLadies Lagos since 2016 and teaching hundreds of women to program.", draft);

        var response = await Decide(board, id, "Approve", new() { ["Approve.Resolution"] = draft, ["Approve.DecidedOn"] = "2026-09-30" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var award = await AwardAsync(id);
        Assert.Equal((ServiceAwardStatus.Approved, draft, new DateOnly(2026, 9, 30), 599_00L, "USD"), (award.Status, award.Resolution, award.DecidedOn!.Value, award.AmountMinor!.Value, award.Currency));
        var mail = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.To == "pat@example.org" && m.Subject.Contains("Ada Example")));
        Assert.Contains("Python Software Foundation", mail.BodyText);
    }

    [Fact]
    public async Task ApprovalWithoutAResolutionIsRefusedBesideTheField()
    {
        var id = await AwardData.ProposalAsync(app, "No Resolution");
        var response = await Decide(await AsAsync("Board"), id, "Approve", new() { ["Approve.Resolution"] = "", ["Approve.DecidedOn"] = "2026-09-30" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Write the resolution the Board adopted.", (await response.ReadPageAsync()).FieldError("Approve.Resolution"));
        Assert.Equal(ServiceAwardStatus.Proposed, (await AwardAsync(id)).Status);
    }

    [Fact]
    public async Task HoldingOverMovesTheQuarterForwardOnly()
    {
        var id = await AwardData.ProposalAsync(app, "Held Person");
        var board = await AsAsync("Board");

        var back = await Decide(board, id, "Hold", new() { ["Hold.Year"] = "2026", ["Hold.Quarter"] = "2" });
        Assert.Equal(HttpStatusCode.BadRequest, back.StatusCode);
        Assert.Equal("Hold it over to a quarter after 2026 Q3.", (await back.ReadPageAsync()).FieldError("Hold.Year"));

        var forward = await Decide(board, id, "Hold", new() { ["Hold.Year"] = "2027", ["Hold.Quarter"] = "1", ["Hold.Note"] = "More letters of support wanted." });
        Assert.Equal(HttpStatusCode.Redirect, forward.StatusCode);
        var award = await AwardAsync(id);
        Assert.Equal((ServiceAwardStatus.HeldOver, 2027, 1), (award.Status, award.Year, award.Quarter));
    }

    [Fact]
    public async Task ADeclinedProposalMustBeReopenedBeforeApproval()
    {
        var id = await AwardData.ProposalAsync(app, "Declined Person");
        var board = await AsAsync("Board");
        var page = await board.GetPageAsync($"/ServiceAwards/Details/{id}");
        await Decide(board, id, "Decline", new() { ["Decline.Note"] = "Not this year." });

        var approve = await board.SubmitFormAsync(page, $"/ServiceAwards/Details/{id}", new Dictionary<string, string> { ["Approve.DecidedOn"] = "2026-09-30" }, formSelector: "form[action*='handler=Approve']");
        Assert.Equal(HttpStatusCode.Conflict, approve.StatusCode);
        Assert.Contains("Reopen it before you approve it", (await approve.ReadPageAsync()).QuerySelector(".validation-summary-errors")!.TextContent);
        Assert.Equal(ServiceAwardStatus.Declined, (await AwardAsync(id)).Status);

        await Decide(board, id, "Reopen", []);
        var approved = await Decide(board, id, "Approve", new() { ["Approve.Resolution"] = "RESOLVED, that the Board reconsidered.", ["Approve.DecidedOn"] = "2026-09-30" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal([ServiceAwardAction.Proposed, ServiceAwardAction.Declined, ServiceAwardAction.Reopened, ServiceAwardAction.Approved],
            (await AwardAsync(id)).History.OrderBy(e => e.Id).Select(e => e.Action));
    }

    [Fact]
    public async Task OnlyTheBoardDecidesAndOnlyStaffRecordThePayment()
    {
        var id = await AwardData.ProposalAsync(app, "Staff Cannot Decide");
        var staff = await AsAsync("Staff");
        var token = (await staff.GetPageAsync($"/ServiceAwards/Details/{id}")).QuerySelector("[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var handler in new[] { "Approve", "Hold", "Decline", "Reopen" })
        {
            var response = await staff.PostAsync($"/ServiceAwards/Details/{id}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Approve.Resolution"] = "RESOLVED, that nobody", ["Approve.DecidedOn"] = "2026-09-30", ["Hold.Year"] = "2027", ["Hold.Quarter"] = "1",
            }));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal(ServiceAwardStatus.Proposed, (await AwardAsync(id)).Status);

        await Decide(await AsAsync("Board"), id, "Approve", new() { ["Approve.Resolution"] = "RESOLVED, that the award be made.", ["Approve.DecidedOn"] = "2026-09-30" });
        var bad = await Decide(staff, id, "Payment", new() { ["Payment.Amount"] = "five hundred", ["Payment.PaidOn"] = "2026-10-05" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("“five hundred” is not an amount: write it in USD like 250 or 99.50.", (await bad.ReadPageAsync()).FieldError("Payment.Amount"));

        var paid = await Decide(staff, id, "Payment", new() { ["Payment.Amount"] = "599", ["Payment.Currency"] = "USD", ["Payment.PaidOn"] = "2026-10-05", ["Payment.PyConRegistration"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var award = await AwardAsync(id);
        Assert.Equal((599_00L, new DateOnly(2026, 10, 5), true), (award.AmountMinor!.Value, award.PaidOn!.Value, award.PyConRegistration!.Value));
        Assert.Contains("$599.00 paid Oct 5, 2026", (await staff.GetPageAsync($"/ServiceAwards/Details/{id}")).QuerySelector("[data-paid]")!.TextContent);
    }

    [Fact]
    public async Task OpenProposalsAreListedInTheOrderReceived()
    {
        var first = await AwardData.ProposalAsync(app, "First Received");
        var second = await AwardData.ProposalAsync(app, "Second Received");
        var rows = (await (await AsAsync("Board")).GetPageAsync("/ServiceAwards")).QuerySelectorAll("tr[data-award]").Select(r => r.GetAttribute("data-award")).ToList();
        Assert.True(rows.IndexOf(first.ToString()) < rows.IndexOf(second.ToString()));
    }
}
