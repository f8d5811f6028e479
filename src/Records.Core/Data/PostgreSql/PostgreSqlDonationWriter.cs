using Records.Core.Donations;
using Records.Core.Donations.Import;

namespace Records.Core.Data.PostgreSql;

/// <summary>A donation import on PostgreSQL: being written (binary COPY into staging tables, then INSERT … SELECT).</summary>
internal sealed class PostgreSqlDonationWriter(RecordsDbContext db, DonationChannel channel, ImportCommit? commit) : IDonationLedgerWriter
{
    public bool Exists(string transactionId) => throw new NotSupportedException($"{db}{channel}{commit}");
    public int AddPerson(ImportRow row) => throw new NotSupportedException();
    public void AddDonation(ImportRow row, int? donor) => throw new NotSupportedException();
    public Task PublishAsync(DonationImport record, CancellationToken ct) => throw new NotSupportedException();
    public void Dispose() { }
}
