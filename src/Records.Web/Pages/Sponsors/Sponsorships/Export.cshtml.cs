using System.Globalization;
using System.Text;
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
public class ExportModel(RecordsDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public SponsorshipFilter Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "starts";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!SponsorshipList.Sorts.Contains(Sort)) Sort = "starts";
        if (!ModelState.AddErrors(new SponsorshipFilter.Validator().Validate(Input))) return this.Invalid();

        var matching = Input.Apply(db.Sponsorships.AsNoTracking());
        var totals = await SponsorshipList.TotalsAsync(matching, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"sponsorships-{today:yyyy-MM-dd}.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(false), bufferSize: 16 * 1024);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(CsvCells.Line("Sponsor", "Program", "Package", "Description", "Starts", "Ends", "Currency", "Fee", "In kind", "Paid", "Balance due", "Status", "Contract"));
        await foreach (var s in SponsorshipList.Rows(matching, Sort).AsAsyncEnumerable().WithCancellation(ct))
        {
            await writer.WriteLineAsync(CsvCells.Line(s.Sponsor, s.Program, s.Package is { } p ? $"{p} {s.PackageYear}" : "", s.Description, Terms.IsoDate(s.StartsOn),
                Terms.IsoDate(s.EndsOn), s.Currency, Amount(s.FeeMinor, s.Currency), Amount(s.InKindValueMinor, s.Currency), Amount(s.PaidMinor, s.Currency),
                Amount(s.DueMinor, s.Currency), s.Status.DisplayName(), s.ContractStatus.DisplayName()));
        }
        await writer.WriteLineAsync();
        await writer.WriteLineAsync(CsvCells.Line("Totals", "Sponsorships", "Currency", "Fees agreed", "Paid", "Balance due"));
        foreach (var t in totals)
        {
            await writer.WriteLineAsync(CsvCells.Line("", t.Count.ToString(CultureInfo.InvariantCulture), t.Currency,
                Terms.Plain(t.FeesMinor, t.Currency), Terms.Plain(t.PaidMinor, t.Currency), Terms.Plain(t.DueMinor, t.Currency)));
        }
        return new EmptyResult();
    }

    private static string Amount(long? minor, string currency) => minor is { } m ? Terms.Plain(m, currency) : "";
}
