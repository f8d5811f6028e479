using Microsoft.EntityFrameworkCore;
using Records.Core.Data;

namespace Records.Core.Donations.Import;

/// <summary>Who imports which file, and when; written to the <see cref="DonationImport"/> a commit adds.</summary>
public sealed record ImportCommit(string FileName, string By, DateTime At);

/// <summary>
/// The dry run and the commit of a processor file: both read it through <see cref="DonationCsv"/> and judge each row
/// against the ledger as it is (same channel and transaction id = a duplicate) and match donors by email. The commit
/// stages the good rows through the database provider's ledger writer, then publishes them in one short transaction
/// with its DonationImport.
/// </summary>
public static class DonationImporter
{
    public static async Task<ImportReport> DryRunAsync(RecordsDbContext db, Stream file, ImportLayout layout, DateOnly today, TimeZoneInfo zone,
        ImportProgress? progress = null, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            using var ledger = DatabaseProvider.For(db).OpenLedger(db, layout.Channel);
            return await PassAsync(db, file, layout, today, zone, progress, (row, donors) => donors.FindAsync(row, _ => Task.FromResult(0)), ledger, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Adds every good row, or nothing at all when anything fails. The file is read and its rows staged without the
    /// ledger's write lock (see <see cref="IDonationLedgerWriter"/>); only publishing them takes it, for a few statements,
    /// so people entering gifts or nominations meanwhile are not kept waiting for the whole file.
    /// </summary>
    public static async Task<ImportReport> CommitAsync(RecordsDbContext db, Stream file, ImportLayout layout, ImportCommit commit, DateOnly today, TimeZoneInfo zone,
        ImportProgress? progress = null, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            using var ledger = DatabaseProvider.For(db).OpenLedger(db, layout.Channel, commit);
            var report = await PassAsync(db, file, layout, today, zone, progress, async (row, donors) =>
            {
                var donor = await donors.FindAsync(row, r => Task.FromResult(ledger.AddPerson(r)));
                ledger.AddDonation(row, donor);
                return donor;
            }, ledger, ct, committing: true);

            var record = new DonationImport
            {
                FileName = commit.FileName, Layout = layout.Kind.ToString(), Sha256 = report.Sha256, By = commit.By, At = commit.At,
                RowsRead = report.RowsRead, Added = report.Added, Duplicates = report.Duplicates.Count, BadRows = report.BadRows.Count, DonorsCreated = report.DonorsCreated,
            };
            await ledger.PublishAsync(record, ct);
            report.ImportId = record.Id;
            return report;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<ImportReport> PassAsync(RecordsDbContext db, Stream file, ImportLayout layout, DateOnly today, TimeZoneInfo zone,
        ImportProgress? progress, Func<ImportRow, ImportDonors, Task<int?>> add, IDonationLedgerWriter ledger, CancellationToken ct, bool committing = false)
    {
        progress?.Restart();
        var start = file.Position;
        var header = await DonationCsv.ReadStartAsync(file, layout, ct: ct);
        layout = layout with { HeaderLine = header.Line, Separator = header.Separator };
        file.Position = start;
        var facts = await DonationCsv.ScanAsync(file, layout, header, ct);
        file.Position = start;
        var dates = facts.Resolve(layout);
        if (committing && dates.NeedsConfirmation)
            throw new DonationFileException($"Every date like 05/04/2025 in this file could be read day first or month first, and nothing was added. Check the file again and confirm which on the dry run before committing.");

        var donors = await ImportDonors.LoadAsync(db, ct);
        var report = new ImportReport { Variant = header.Variant?.Name ?? "", Dates = dates };
        await using var text = new TextFileStream(file, progress);
        await foreach (var read in DonationCsv.ReadAsync(text, layout, today, zone, progress, facts, dates, ct))
        {
            if (read.Row is { } row && ledger.Exists(row.TransactionId))
            {
                report.Count(ImportRead.Left(RowOutcome.Duplicate, row.Line, row.TransactionId, "Already in the ledger."));
                continue;
            }
            report.Count(read);
            if (read.Row is { } good)
            {
                await add(good, donors);
                report.Add(good);
            }
        }
        if (text.Sha256 is null) await text.CopyToAsync(Stream.Null, ct);
        report.Sha256 = text.Sha256 ?? "";
        report.DonorsMatched = donors.Matched;
        report.DonorsCreated = donors.Created;
        return report;
    }
}
