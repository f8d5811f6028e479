using System.Security.Claims;
using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Records.Core.Accounts;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Reports;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Reports;

/// <summary>The quarter packet: the round's nominations and votes, the new Fellows and the award decisions, on screen and as a PDF.</summary>
[Authorize(Roles = Roles.WorkGroup + "," + Roles.Chair + "," + Roles.Board)]
public class QuarterModel(RecordsDbContext db, IOptions<RecordsOptions> options, FoundationClock clock) : PageModel
{
    /// <summary>Bound from the plain query fields year and quarter; text, so a wrong value gets a message instead of a binding failure.</summary>
    [BindProperty(SupportsGet = true)] public InputModel Input { get; set; } = new();

    public QuarterPacket? Packet { get; private set; }

    public class InputModel
    {
        public string? Year { get; set; }
        public string? Quarter { get; set; }

        public int YearNumber => int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0;
        public int QuarterNumber => int.TryParse(Quarter?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var q) ? q : 0;
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Year).NotEmpty().WithMessage("Enter a year.");
            RuleFor(x => x.Year).Must((x, _) => x.YearNumber is >= 1000 and <= 9999).When(x => !string.IsNullOrWhiteSpace(x.Year)).WithMessage("Enter a year like 2020.");
            RuleFor(x => x.Quarter).NotEmpty().WithMessage("Choose a quarter.");
            RuleFor(x => x.Quarter).Must((x, _) => x.QuarterNumber is >= 1 and <= 4).When(x => !string.IsNullOrWhiteSpace(x.Quarter)).WithMessage("Choose a quarter from 1 to 4.");
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Year) && string.IsNullOrWhiteSpace(Input.Quarter))
        {
            // Opened from a link without a quarter: the quarter the foundation is in today.
            var today = clock.Today;
            Input.Year = today.Year.ToString(CultureInfo.InvariantCulture);
            Input.Quarter = YearQuarter.Of(today).Quarter.ToString(CultureInfo.InvariantCulture);
        }
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();
        Packet = await QuarterPacket.LoadAsync(db, Input.YearNumber, Input.QuarterNumber, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();
        var packet = await QuarterPacket.LoadAsync(db, Input.YearNumber, Input.QuarterNumber, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        var pdf = QuarterPacketDocument.Build(packet, options.Value.FoundationName, clock.Now.UtcDateTime).ToBytes();
        return File(pdf, "application/pdf", FileName(packet.Year, packet.Quarter));
    }

    public static string FileName(int year, int quarter) => $"quarter-packet-{year}-q{quarter}.pdf";

    public string PdfLink => $"/Reports/Quarter?handler=Pdf&year={Input.YearNumber}&quarter={Input.QuarterNumber}";

    public string Link(int year, int quarter) => $"/Reports/Quarter?year={year}&quarter={quarter}";

    public YearQuarter Previous => new YearQuarter(Input.YearNumber, Input.QuarterNumber).Previous;
    public YearQuarter Next => new YearQuarter(Input.YearNumber, Input.QuarterNumber).Next;
}
