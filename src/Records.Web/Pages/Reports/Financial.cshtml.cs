using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Accounts;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Mail;
using Records.Core.Nominations;
using Records.Core.Reports;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Reports;

[Authorize(Policy = Policies.Finance)]
public class FinancialModel(RecordsDbContext db, FinancialReportCache reports, FoundationClock clock, IOptions<RecordsOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public PeriodInput Input { get; set; } = new();

    public FinancialReport? Report { get; private set; }

    public class PeriodInput
    {
        public string? Kind { get; set; }
        public string? Year { get; set; }
        public string? Quarter { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }

        public static int? Number(string? text) => int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        public static DateOnly? Date(string? text) =>
            DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

        public ReportPeriod Period() => Kind switch
        {
            "quarter" => ReportPeriod.Quarter(Number(Year)!.Value, Number(Quarter)!.Value),
            "custom" => ReportPeriod.Custom(Date(From)!.Value, Date(To)!.Value).Period!,
            _ => ReportPeriod.Year(Number(Year)!.Value),
        };

        public string Query() => Kind switch
        {
            "quarter" => $"kind=quarter&year={Year}&quarter={Quarter}",
            "custom" => $"kind=custom&from={From}&to={To}",
            _ => $"kind=year&year={Year}",
        };
    }

    public class Validator : AbstractValidator<PeriodInput>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).Must(k => k is "year" or "quarter" or "custom").WithMessage("Choose a year, a quarter or your own dates.");
            When(x => x.Kind is "year" or "quarter", () =>
                RuleFor(x => x.Year).Must(y => PeriodInput.Number(y) >= ReportPeriod.Earliest.Year && PeriodInput.Number(y) <= ReportPeriod.Latest.Year)
                    .WithMessage($"Give a year such as 2025, from {ReportPeriod.Earliest.Year} to {ReportPeriod.Latest.Year}."));
            When(x => x.Kind == "quarter", () =>
                RuleFor(x => x.Quarter).Must(q => PeriodInput.Number(q) is >= 1 and <= 4).WithMessage("Choose a quarter from 1 to 4."));
            When(x => x.Kind == "custom", () =>
            {
                RuleFor(x => x.From).Must(d => PeriodInput.Date(d) is not null).WithMessage("Give the first day as YYYY-MM-DD.");
                RuleFor(x => x.To).Must(d => PeriodInput.Date(d) is not null).WithMessage("Give the last day as YYYY-MM-DD.");
                RuleFor(x => x.To).Must((x, to) => ReportPeriod.Custom(PeriodInput.Date(x.From)!.Value, PeriodInput.Date(to)!.Value).Period is not null)
                    .When(x => PeriodInput.Date(x.From) is not null && PeriodInput.Date(x.To) is not null)
                    .WithMessage(x => ReportPeriod.Custom(PeriodInput.Date(x.From)!.Value, PeriodInput.Date(x.To)!.Value).Problem);
            });
        }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Input.Kind is null && Input.Year is null) UseLastQuarter();
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();
        Report = await reports.LoadAsync(db, Input.Period(), Today(), HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync()
    {
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();
        var report = await reports.LoadAsync(db, Input.Period(), Today(), HttpContext.RequestAborted);
        return File(Pdf(report), "application/pdf", FileName(report));
    }

    public async Task<IActionResult> OnPostEmailAsync()
    {
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();
        Report = await reports.LoadAsync(db, Input.Period(), Today(), HttpContext.RequestAborted);
        var to = await BoardAddressesAsync();
        if (to.Count == 0)
        {
            ModelState.AddModelError("", "There is no Board address to send to: set Records:BoardListAddress, or give a Board member an account.");
            return this.WithStatus(StatusCodes.Status409Conflict);
        }
        var period = Report.Current.Period.Name;
        var message = OutboxMessage.Create(to, $"Financial report: {period}",
            $"The financial report for {period} is attached, as {User.Identity?.Name} sent it from Records.\n\n" +
            string.Join("\n", FinancialReportDocument.Summary(Report).Take(3).Select(r => $"{r.Label}: {r.Figures[0]}")) + "\n",
            clock.Now.UtcDateTime);
        message.Attachments.Add(new OutboxAttachment { FileName = FileName(Report), ContentType = "application/pdf", Content = Pdf(Report) });
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        TempData["Flash"] = $"Queued the {period} report to {(to.Count == 1 ? "1 address" : $"{to.Count} addresses")}: {string.Join(", ", to)}.";
        return Redirect("/Reports/Financial?" + Input.Query());
    }

    private byte[] Pdf(FinancialReport report) => FinancialReportDocument.Build(report, options.Value.FoundationName, clock.Now.UtcDateTime).ToBytes();

    public static string FileName(FinancialReport report) =>
        $"financial-report-{report.Current.Period.From:yyyy-MM-dd}-to-{report.Current.Period.To:yyyy-MM-dd}.pdf";

    private DateOnly Today() => clock.Today;

    /// <summary>With no period asked for: the last quarter that has ended, what the Board usually reads.</summary>
    private void UseLastQuarter()
    {
        var today = clock.Today;
        var (year, quarter) = YearQuarter.Of(today).Previous;
        Input = new PeriodInput { Kind = "quarter", Year = year.ToString(CultureInfo.InvariantCulture), Quarter = quarter.ToString(CultureInfo.InvariantCulture) };
    }

    /// <summary>The Board's list address when it is set, else each Board member with an enabled account.</summary>
    private async Task<List<string>> BoardAddressesAsync()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.BoardListAddress)) return [options.Value.BoardListAddress.Trim()];
        return await Recipients.WithRoleAsync(db, Roles.Board);
    }
}
