using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Records.Core.Data;
using Records.Core.Fellows;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Fellows;

/// <summary>
/// Brings in a roster kept elsewhere. An upload is always checked first (the dry run, which saves nothing); the file
/// is kept by <see cref="UploadStore"/> so that Commit adds exactly what was checked, re-read against the roster as
/// it is then, in one transaction.
/// </summary>
[UploadLimit(MaxBytes, "Split the roster into smaller files.")]
public class ImportModel(RecordsDbContext db, UploadStore uploads, FoundationClock clock) : PageModel
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int ProblemsShown = 1000;

    [BindProperty] public InputModel Input { get; set; } = new();

    public RosterReport? Report { get; private set; }

    public class InputModel
    {
        public IFormFile? File { get; set; }
        public string? Token { get; set; }
        public string? FileName { get; set; }
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.File).NotNull().WithMessage("Choose the roster's CSV file.");
            When(x => x.File is not null, () =>
            {
                RuleFor(x => x.File!.Length).GreaterThan(0).OverridePropertyName("File").WithMessage("The file is empty.")
                    .LessThanOrEqualTo(MaxBytes).WithMessage(x => $"The file is {Megabytes(x.File!.Length)}; the limit is {Megabytes(MaxBytes)}. Split the roster into smaller files.");
                RuleFor(x => x.File!.FileName).Must(IsCsvName).OverridePropertyName("File")
                    .WithMessage(x => $"'{Path.GetFileName(x.File!.FileName)}' is not a CSV file. In your spreadsheet, save the roster as CSV (comma-separated values).");
            });
        }

        private static bool IsCsvName(string name) => Path.GetExtension(name).ToLowerInvariant() is ".csv" or ".txt";
    }

    public void OnGet() { }

    /// <summary>The dry run: reads the upload and reports, saving nothing to the roster.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();
        string? token;
        await using (var upload = Input.File!.OpenReadStream()) token = await uploads.SaveAsync(upload, MaxBytes, ct);
        if (token is null)
        {
            ModelState.AddModelError("Input.File", $"The file is over the limit of {Megabytes(MaxBytes)}. Split the roster into smaller files.");
            return this.Invalid();
        }
        try
        {
            await using var kept = uploads.Open(token)!;
            Report = await RosterImport.ReadAsync(kept, await ExistingRoster.LoadAsync(db, ct), clock.Year, ct);
        }
        catch (RosterFileException e)
        {
            uploads.Delete(token);
            ModelState.AddModelError("Input.File", e.Message);
            return this.Invalid();
        }
        ModelState.Clear();
        Input = new InputModel { Token = token, FileName = Path.GetFileName(Input.File.FileName) };
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        int added;
        RosterReport report;
        await using (var kept = uploads.Open(Input.Token))
        {
            if (kept is null)
            {
                ModelState.AddModelError("Input.File", "The checked file is no longer here (files are kept for a day). Choose it again and check it.");
                return this.Invalid();
            }
            // Read and add under one write transaction, so two people importing at once cannot both add the same Fellow.
            await using var transaction = await DatabaseProvider.For(db).BeginSerialWriteAsync(db, "roster", ct);
            try
            {
                report = await RosterImport.ReadAsync(kept, await ExistingRoster.LoadAsync(db, ct), clock.Year, ct);
            }
            catch (RosterFileException e)
            {
                uploads.Delete(Input.Token);
                ModelState.AddModelError("Input.File", e.Message);
                return this.Invalid();
            }
            added = await RosterAdditions.AddAsync(db, report.Rows, clock.Now.UtcDateTime, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        uploads.Delete(Input.Token);
        var leftOut = report.BadRows.Count == 0 ? "" : $" {Plural(report.BadRows.Count, "row")} with problems left out.";
        TempData["Flash"] = added == 0
            ? $"Nothing was added from {Input.FileName}: {Plural(report.AlreadyOnRoster.Count, "row")} already on the roster.{leftOut}"
            : $"Added {Plural(added, "Fellow")} from {Input.FileName}; {Plural(report.AlreadyOnRoster.Count, "row")} skipped as already on the roster.{leftOut}";
        return RedirectToPage("Index");
    }

    public static string Plural(int count, string one) => IndexModel.Plural(count, one);

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
