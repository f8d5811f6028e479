using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Records.Core.Data;
using Records.Core.Fellows;
using Records.Core.Nominations;
using Records.Web.Infrastructure;
using Records.Web.Pages.Fellows;

namespace Records.Web.Pages.History;

/// <summary>
/// Staff or the Chair bring in past rounds from a CSV of past nominations: checked first (the dry run saves nothing),
/// then added exactly as checked, re-read against the records as they are then, in one transaction.
/// </summary>
[UploadLimit(ImportModel.MaxBytes, "Split it into smaller files.")]
public class NominationsModel(RecordsDbContext db, UploadStore uploads, FoundationClock clock) : PageModel
{
    [BindProperty] public ImportModel.InputModel Input { get; set; } = new();

    public PastNominationsImport.Report? Report { get; private set; }

    private DateOnly Today => clock.Today;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.AddErrors(new ImportModel.Validator().Validate(Input))) return this.Invalid();
        string? token;
        await using (var upload = Input.File!.OpenReadStream()) token = await uploads.SaveAsync(upload, ImportModel.MaxBytes, ct);
        if (token is null)
        {
            ModelState.AddModelError("Input.File", "The file is over the limit of 5 MB. Split it into smaller files.");
            return this.Invalid();
        }
        try
        {
            await using var kept = uploads.Open(token)!;
            Report = await PastNominationsImport.ReadAsync(kept, await PastNominationsImport.Existing.LoadAsync(db, ct), Today, ct);
        }
        catch (RosterFileException e)
        {
            uploads.Delete(token);
            ModelState.AddModelError("Input.File", e.Message);
            return this.Invalid();
        }
        ModelState.Clear();
        Input = new ImportModel.InputModel { Token = token, FileName = Path.GetFileName(Input.File.FileName) };
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        PastNominationsImport.Report report;
        int added;
        await using (var kept = uploads.Open(Input.Token))
        {
            if (kept is null)
            {
                ModelState.AddModelError("Input.File", "The checked file is no longer here (files are kept for a day). Choose it again and check it.");
                return this.Invalid();
            }
            await using var transaction = await DatabaseProvider.For(db).BeginSerialWriteAsync(db, "roster", ct);
            try
            {
                report = await PastNominationsImport.ReadAsync(kept, await PastNominationsImport.Existing.LoadAsync(db, ct), Today, ct);
            }
            catch (RosterFileException e)
            {
                uploads.Delete(Input.Token);
                ModelState.AddModelError("Input.File", e.Message);
                return this.Invalid();
            }
            added = await PastNominationsImport.CommitAsync(db, report, clock.Now.UtcDateTime, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        uploads.Delete(Input.Token);
        var leftOut = report.BadRows.Count == 0 ? "" : $" {ImportModel.Plural(report.BadRows.Count, "row")} with problems left out.";
        TempData["Flash"] = added == 0
            ? $"Nothing was added from {Input.FileName}.{leftOut}"
            : $"Added {ImportModel.Plural(added, "past nomination")} from {Input.FileName} ({string.Join(", ", report.Quarters)}); {ImportModel.Plural(report.Accepted, "Fellow")} joined the roster.{leftOut}";
        return RedirectToPage();
    }
}
