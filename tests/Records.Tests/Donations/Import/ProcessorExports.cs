using Records.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Core.Donations.Import;
using Records.Tests.Mail;

namespace Records.Tests.Donations.Import;

/// <summary>
/// Reads the processor export files in Files/ through <see cref="DonationImporter"/> against a real migrated SQLite
/// file, without HTTP, and what a commit stored in the Donations table.
/// </summary>
public static class ProcessorExports
{
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    public static readonly DateOnly Today = new(2026, 11, 30);
    public static readonly DateTime At = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    public static async Task<ImportReport> DryRunAsync(TestDatabase database, string file, ImportLayout layout)
    {
        await using var db = database.Open();
        return await DonationImporter.DryRunAsync(db, new MemoryStream(ImportFiles.Bytes(file)), layout, Today, NewYork);
    }

    public static async Task<ImportReport> CommitAsync(TestDatabase database, string file, ImportLayout layout)
    {
        await using var db = database.Open();
        return await DonationImporter.CommitAsync(db, new MemoryStream(ImportFiles.Bytes(file)), layout, new ImportCommit(file, "staff@records.local", At), Today, NewYork);
    }

    /// <summary>The gifts a commit stored, in the file's order, as the Donations table holds them.</summary>
    public static async Task<List<Donation>> StoredAsync(TestDatabase database, ImportReport report)
    {
        await using var db = database.Open();
        return await db.Donations.AsNoTracking().Include(d => d.Person).Where(d => d.ImportId == report.ImportId).OrderBy(d => d.Id).ToListAsync();
    }

    public static async Task<int> DonationCountAsync(TestDatabase database)
    {
        await using var db = database.Open();
        return await db.Donations.CountAsync();
    }

    /// <summary>"7: Disputed and lost: the payment was taken back."</summary>
    public static List<string> Lines(IEnumerable<ImportProblem> problems) => [.. problems.Select(p => $"{p.Line}: {p.Reason}")];

    public static (string? Id, DateOnly On, long Minor, long Fee, string Currency) Stored(Donation d) => (d.TransactionId, d.ReceivedOn, d.AmountMinor, d.FeeMinor, d.Currency);
}
