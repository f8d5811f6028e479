using System.Globalization;
using System.Text;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Core.Text;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Donations;

/// <summary>
/// Brings in a processor's export (Stripe, PayPal, or any CSV with its columns mapped). The upload is kept by
/// <see cref="UploadStore"/> under a token; the dry run and the commit run as <see cref="ImportJobs"/> in the background
/// while the page shows their progress. The commit adds exactly what was checked, once per upload.
/// </summary>
[Authorize(Policy = Policies.Staff)]
[DonationImportUploadLimit]
[RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
public partial class ImportModel(RecordsDbContext db, UploadStore uploads, ImportJobs jobs, IOptions<RecordsOptions> options) : PageModel
{
    public const int ProblemsShown = 200;

    [BindProperty] public InputModel Input { get; set; } = new();

    public ImportJob? Job { get; private set; }
    public IReadOnlyList<DonationImport> Recent { get; private set; } = [];
    /// <summary>A refusal of the commit shown above the page (a used or unknown upload).</summary>
    public string? Refusal { get; private set; }
    /// <summary>An earlier commit of the very same bytes, named on the dry run.</summary>
    public DonationImport? SameFile { get; private set; }

    public long MaxBytes => options.Value.Donations.ImportMaxMegabytes * 1024L * 1024L;

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct)
    {
        Job = jobs.Find(token);
        await LoadRecentAsync(ct);
        if (token is not null && Job is null)
        {
            Refusal = "This upload is no longer here (uploads are kept for a day, and forgotten when Records restarts). Choose the file again.";
            return this.WithStatus(StatusCodes.Status404NotFound);
        }
        if (Job is { Stage: ImportStage.Failed, Error: { } error })
        {
            ModelState.AddModelError("Input.File", error);
            return this.Invalid();
        }
        if (Job is { Stage: ImportStage.Mapping }) Input = InputModel.Guess(Job);
        if (Job is { Stage: ImportStage.Checked, DryRun.Sha256: { Length: > 0 } sha })
            SameFile = await db.DonationImports.AsNoTracking().Where(i => i.Sha256 == sha).OrderByDescending(i => i.At).FirstOrDefaultAsync(ct);
        return Page();
    }

    /// <summary>How far the running job has got, for the page's progress bar.</summary>
    public IActionResult OnGetProgress(string? token) => jobs.Find(token) is { } job
        ? new JsonResult(new { stage = job.Stage.ToString(), running = job.IsRunning, rowsRead = job.Progress.RowsRead, bytesRead = job.Progress.BytesRead, totalBytes = job.Progress.TotalBytes })
        : NotFound();

    /// <summary>Every line of the dry run left out as bad or duplicate, as CSV.</summary>
    public IActionResult OnGetProblems(string? token)
    {
        if (jobs.Find(token) is not { DryRun: { } report } job) return NotFound();
        return File(new UTF8Encoding(false).GetBytes(report.LeftOutCsv()), "text/csv; charset=utf-8", $"{Path.GetFileNameWithoutExtension(job.FileName)}-problems.csv");
    }

    /// <summary>The upload: keeps the file, then maps a generic file's columns or starts the dry run of a preset.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.AddErrors(new Validator(MaxBytes).Validate(Input, o => o.IncludeRuleSets(Validator.Upload)))) return await InvalidAsync(ct);
        string? token;
        await using (var upload = Input.File!.OpenReadStream()) token = await uploads.SaveAsync(upload, MaxBytes, ct);
        if (token is null)
        {
            ModelState.AddModelError("Input.File", TooLarge(Input.File.Length));
            return await InvalidAsync(ct);
        }
        var preset = ImportLayout.Preset(Input.Layout!.Value);
        ImportHeader header;
        try
        {
            await using var kept = uploads.Open(token)!;
            header = await DonationCsv.ReadStartAsync(kept, preset, ct: ct);
        }
        catch (DonationFileException e)
        {
            uploads.Delete(token);
            ModelState.AddModelError("Input.File", e.Message);
            return await InvalidAsync(ct);
        }
        var job = jobs.Add(token, Path.GetFileName(Input.File.FileName), Input.File.Length, header);
        if (preset is not null) jobs.StartDryRun(job, preset);
        return RedirectToPage(new { token });
    }

    /// <summary>The column map of a generic file; starts its dry run.</summary>
    public async Task<IActionResult> OnPostMapAsync(CancellationToken ct)
    {
        Job = jobs.Find(Input.Token);
        if (Job is not { Stage: ImportStage.Mapping or ImportStage.Checked or ImportStage.Failed, Layout: null or { Kind: ImportLayoutKind.Generic } } || Job.IsRunning || Job.Headers.Count == 0)
            return await RefuseAsync(ct);
        if (!ModelState.AddErrors(new Validator(MaxBytes, Job.Headers).Validate(Input, o => o.IncludeRuleSets(Validator.Map))))
        {
            Job.Stage = ImportStage.Mapping;
            return await InvalidAsync(ct);
        }
        jobs.StartDryRun(Job, Input.ToLayout());
        return RedirectToPage(new { token = Job.Token });
    }

    /// <summary>The line of a generic file that names its columns, when the guess was wrong (report details above it).</summary>
    public async Task<IActionResult> OnPostHeaderAsync(CancellationToken ct)
    {
        Job = jobs.Find(Input.Token);
        if (Job is not { Stage: ImportStage.Mapping or ImportStage.Checked or ImportStage.Failed, Header: { } header, Layout: null or { Kind: ImportLayoutKind.Generic } } || Job.IsRunning)
            return await RefuseAsync(ct);
        Job.Stage = ImportStage.Mapping;
        if (!ModelState.AddErrors(new Validator(MaxBytes, Job.Headers, header.FirstLines).Validate(Input, o => o.IncludeRuleSets(Validator.Header)))) return await InvalidAsync(ct);
        try
        {
            await using var kept = uploads.Open(Job.Token) ?? throw new DonationFileException("The uploaded file is no longer here (files are kept for a day). Choose it again.");
            Job.Header = await DonationCsv.ReadStartAsync(kept, null, Input.HeaderLine, ct) with { FirstLines = header.FirstLines };
        }
        catch (DonationFileException e)
        {
            ModelState.AddModelError("Input.HeaderLine", e.Message);
            return await InvalidAsync(ct);
        }
        return RedirectToPage(new { token = Job.Token });
    }

    /// <summary>Confirms the order the dry run read the dates in, or switches to the other order and checks the file again.</summary>
    public async Task<IActionResult> OnPostDatesAsync(CancellationToken ct)
    {
        Job = jobs.Find(Input.Token);
        if (Job is not { Stage: ImportStage.Checked, DryRun.Dates: not null }) return await RefuseAsync(ct);
        if (!ModelState.AddErrors(new Validator(MaxBytes).Validate(Input, o => o.IncludeRuleSets(Validator.Dates))))
        {
            await LoadRecentAsync(ct);
            return this.Invalid();
        }
        if (!jobs.ConfirmDates(Job, Input.DateOrder!.Value)) return await RefuseAsync(ct);
        return RedirectToPage(new { token = Job.Token });
    }

    public async Task<IActionResult> OnPostCommitAsync(CancellationToken ct)
    {
        switch (jobs.StartCommit(Input.Token, User.Identity?.Name ?? "unknown"))
        {
            case CommitStart.Started:
                return RedirectToPage(new { token = Input.Token });
            case CommitStart.DatesUnconfirmed:
                Job = jobs.Find(Input.Token);
                Refusal = "Nothing was added: every date like 05/04/2025 in this file could be read day first or month first. Look at the rows below as they were read, then confirm the order or switch it.";
                await LoadRecentAsync(ct);
                return this.WithStatus(StatusCodes.Status409Conflict);
            case CommitStart.AlreadyCommitted:
                Job = jobs.Find(Input.Token);
                Refusal = $"{Job!.FileName} has already been committed from this upload; nothing more was added. To import more rows, upload the file again: rows already in the ledger are recognised as duplicates.";
                await LoadRecentAsync(ct);
                return this.WithStatus(StatusCodes.Status409Conflict);
            default:
                return await RefuseAsync(ct);
        }
    }

    private async Task<IActionResult> RefuseAsync(CancellationToken ct)
    {
        Job = null;
        Refusal = "This upload is not ready to be committed or is no longer here. Choose the file again and check it.";
        await LoadRecentAsync(ct);
        return this.WithStatus(StatusCodes.Status409Conflict);
    }

    private async Task<IActionResult> InvalidAsync(CancellationToken ct)
    {
        await LoadRecentAsync(ct);
        return this.Invalid();
    }

    private async Task LoadRecentAsync(CancellationToken ct) =>
        Recent = await db.DonationImports.AsNoTracking().OrderByDescending(i => i.At).ThenByDescending(i => i.Id).Take(10).ToListAsync(ct);

    public string TooLarge(long bytes) => $"The file is {Megabytes(bytes)}; the limit is {Megabytes(MaxBytes)}. Export a shorter period and import each file.";

    public static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):#,0.#} MB");

    public static string Plural(int count, string noun) => Counting.Plural(count, noun);

    public static string Channels(DonationChannel channel) => channel.DisplayName();
}
