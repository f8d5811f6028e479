using Records.Core.Donations;
using Records.Core.Donations.Import;

namespace Records.Core.Data;

/// <summary>
/// The fast path of a donation import, written once per engine: the ledger's duplicate check while a file is read,
/// then the good rows staged without holding the ledger's write lock and published all at once. Published rows get
/// the same audit entries EF's saves give a record added by hand (see <see cref="Audit.AuditInterceptor.AddedChanges"/>).
/// </summary>
public interface IDonationLedgerWriter : IDisposable
{
    /// <summary>Whether the ledger already has a gift of this channel with this transaction id.</summary>
    bool Exists(string transactionId);

    /// <summary>Stages a new donor, named by a negative number until publishing gives it its id.</summary>
    int AddPerson(ImportRow row);

    /// <summary>Stages a gift from an existing person (positive id), a new donor (negative) or nobody (null: anonymous).</summary>
    void AddDonation(ImportRow row, int? donor);

    /// <summary>Adds <paramref name="record"/> and every staged row in one transaction, or nothing; <paramref name="record"/> then has its id.</summary>
    Task PublishAsync(DonationImport record, CancellationToken ct);
}
