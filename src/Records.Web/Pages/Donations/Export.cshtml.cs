using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Amounts;
using Records.Core.Text;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Donations;

/// <summary>
/// The ledger's current filter as a CSV file: every matching donation, written as it is read from the database,
/// then the same totals per currency as the page.
/// </summary>
public class ExportModel(RecordsDbContext db, FoundationClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public LedgerFilter Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "date";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        Input.UseDefaultPeriod(Request.Query, today);
        if (!Ledger.Sorts.Contains(Sort)) Sort = "date";
        if (!ModelState.AddErrors(LedgerFilter.Validator.Instance.Validate(Input))) return this.Invalid();

        var matching = Input.Apply(db.Donations.AsNoTracking(), DatabaseProvider.For(db));
        var totals = await Ledger.TotalsAsync(db, Input, matching, ct);

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"donations-{today:yyyy-MM-dd}.csv\"";
        await using var csv = new SpreadsheetCsv(Response.Body);
        await csv.WriteLineAsync("Received", "Donor", "Currency", "Amount", "Fee", "Net", "Channel", "Campaign", "Transaction", "Recurring", "Acknowledged");
        await foreach (var d in Ledger.Rows(matching, Sort).AsAsyncEnumerable().WithCancellation(ct))
        {
            await csv.WriteLineAsync(Day(d.ReceivedOn), d.Donor, d.Currency, Plain(d.AmountMinor, d.Currency), Plain(d.FeeMinor, d.Currency),
                Plain(d.AmountMinor - d.FeeMinor, d.Currency), d.Channel.DisplayName(), d.Campaign, d.TransactionId, d.IsRecurring ? "Recurring" : "One-off",
                d.AcknowledgedOn is { } on ? Day(on) : "");
        }
        await csv.WriteBlankLineAsync(ct);
        await csv.WriteLineAsync("Totals", "Gifts", "Currency", "Gross", "Fees", "Net");
        foreach (var t in totals)
        {
            await csv.WriteLineAsync("", t.Count.ToString(CultureInfo.InvariantCulture), t.Currency,
                Plain(t.GrossMinor, t.Currency), Plain(t.FeesMinor, t.Currency), Plain(t.GrossMinor - t.FeesMinor, t.Currency));
        }
        return new EmptyResult();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An amount a spreadsheet reads as a number: "1234.50", no symbol or thousands separator.</summary>
    public static string Plain(long minor, string currency) => Money.Plain(minor, currency);
}
