using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Records.Core.Data;
using Records.Core.Reports;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Donations;

/// <summary>A donor's year-end giving statement: the year's gifts and totals on screen, and the letter as a PDF.</summary>
public class StatementModel(RecordsDbContext db, IOptions<RecordsOptions> options, FoundationClock clock) : PageModel
{
    /// <summary>Bound from the plain query field year; text, so a wrong value gets a message instead of a binding failure.</summary>
    [BindProperty(SupportsGet = true)] public InputModel Input { get; set; } = new();

    public int PersonId { get; private set; }
    public GivingStatement? Statement { get; private set; }
    /// <summary>Why there is nothing to show for the year chosen.</summary>
    public string? Problem { get; private set; }

    public class InputModel
    {
        public string? Year { get; set; }

        public int? YearNumber => int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Year).Must((x, _) => x.YearNumber is >= 1000 and <= 9999).When(x => !string.IsNullOrWhiteSpace(x.Year))
                .WithMessage("Enter a year like 2025.");
        }
    }

    public Task<IActionResult> OnGetAsync(int personId, CancellationToken ct) => LoadAsync(personId, pdf: false, ct);

    public Task<IActionResult> OnGetPdfAsync(int personId, CancellationToken ct) => LoadAsync(personId, pdf: true, ct);

    private async Task<IActionResult> LoadAsync(int personId, bool pdf, CancellationToken ct)
    {
        PersonId = personId;
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();
        Statement = await GivingStatement.LoadAsync(db, personId, Input.YearNumber, clock.Year, ct);
        if (Statement is null) return NotFound();
        Input.Year = Statement.Year.ToString(CultureInfo.InvariantCulture);
        if (Statement.Gifts.Count == 0)
        {
            Problem = GivingStatement.NoGifts(Statement.Donor, Statement.Year);
            return this.WithStatus(StatusCodes.Status404NotFound);
        }
        if (!pdf) return Page();
        var now = clock.Now;
        var written = clock.Today;
        var bytes = DonorLetterDocuments.Statement(Statement, options.Value.FoundationName, written, now.UtcDateTime, details: Foundation).ToBytes();
        return File(bytes, "application/pdf", $"giving-statement-{personId}-{Statement.Year}.pdf");
    }

    public FoundationDetails Foundation => options.Value.Foundation.Details;

    public string PdfLink => $"/Donations/Statement/{PersonId}?handler=Pdf&year={Statement?.Year}";
}
