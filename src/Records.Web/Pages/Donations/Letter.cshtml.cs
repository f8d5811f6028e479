using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Records.Core.Data;
using Records.Core.Reports;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Donations;

/// <summary>The acknowledgement letter for one gift, as a PDF; an anonymous gift gets the reason instead.</summary>
public class LetterModel(RecordsDbContext db, IOptions<RecordsOptions> options, FoundationClock clock) : PageModel
{
    public string? Refusal { get; private set; }
    public int DonationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int donationId, CancellationToken ct)
    {
        DonationId = donationId;
        var (letter, refusal) = await Acknowledgement.LoadAsync(db, donationId, ct);
        if (letter is null && refusal is null) return NotFound();
        if (letter is null)
        {
            Refusal = refusal;
            return this.WithStatus(StatusCodes.Status400BadRequest);
        }
        var now = clock.Now;
        var written = clock.Today;
        var pdf = DonorLetterDocuments.Letter(letter, options.Value.FoundationName, written, now.UtcDateTime, details: options.Value.Foundation.Details).ToBytes();
        return File(pdf, "application/pdf", $"acknowledgement-{donationId}.pdf");
    }
}
