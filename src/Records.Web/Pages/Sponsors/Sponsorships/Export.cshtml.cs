using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Sponsors;
using Records.Core.Text;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Sponsors.Sponsorships;

/// <summary>
/// The sponsorships list's current filter as a CSV file: every matching sponsorship, written as it is read from the
/// database, then the same totals per currency as the page.
/// </summary>
public class ExportModel(RecordsDbContext db, FoundationClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public SponsorshipFilter Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "starts";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!SponsorshipList.Sorts.Contains(Sort)) Sort = "starts";
        if (!ModelState.AddErrors(new SponsorshipFilter.Validator().Validate(Input))) return this.Invalid();

        var matching = Input.Apply(db.Sponsorships.AsNoTracking(), clock.Today);
        var totals = await SponsorshipList.TotalsAsync(matching, ct);
        var today = clock.Today;
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"sponsorships-{today:yyyy-MM-dd}.csv\"";
        await using var csv = new SpreadsheetCsv(Response.Body);
        await csv.WriteLineAsync("Sponsor", "Program", "Package", "Description", "Starts", "Ends", "Currency", "Fee", "In kind", "Paid", "Balance due", "Status", "Contract");
        await foreach (var s in SponsorshipList.Rows(matching, Sort).AsAsyncEnumerable().WithCancellation(ct))
        {
            await csv.WriteLineAsync(s.Sponsor, s.Program, s.Package is { } p ? $"{p} {s.PackageYear}" : "", s.Description, Terms.IsoDate(s.StartsOn),
                Terms.IsoDate(s.EndsOn), s.Currency, Amount(s.FeeMinor, s.Currency), Amount(s.InKindValueMinor, s.Currency), Amount(s.PaidMinor, s.Currency),
                Amount(s.DueMinor, s.Currency), s.Status.DisplayName(), s.ContractStatus.DisplayName());
        }
        await csv.WriteBlankLineAsync(ct);
        await csv.WriteLineAsync("Totals", "Sponsorships", "Currency", "Fees agreed", "Paid", "Balance due");
        foreach (var t in totals)
        {
            await csv.WriteLineAsync("", t.Count.ToString(CultureInfo.InvariantCulture), t.Currency,
                Terms.Plain(t.FeesMinor, t.Currency), Terms.Plain(t.PaidMinor, t.Currency), Terms.Plain(t.DueMinor, t.Currency));
        }
        return new EmptyResult();
    }

    private static string Amount(long? minor, string currency) => minor is { } m ? Terms.Plain(m, currency) : "";
}
