using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Records.Core.Accounts;
using Records.Core.Audit;
using Records.Core.Budget;
using Records.Core.Donations;
using Records.Core.Fellows;
using Records.Core.Mail;
using Records.Core.Nominations;
using Records.Core.People;
using Records.Core.Posts;
using Records.Core.ServiceAwards;
using Records.Core.Sponsors;

namespace Records.Core.Data;

public class RecordsDbContext(DbContextOptions<RecordsDbContext> options)
    : IdentityDbContext<AppUser>(options)
{
    /// <summary>
    /// Who the audit log names for this context's saves. Set for each scope that leases the context: the web app's
    /// contexts are pooled and outlive the request.
    /// </summary>
    public ICurrentUser? CurrentUser { get; set; }

    public string AuditUserName => CurrentUser?.Name ?? "system";

    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonLink> PersonLinks => Set<PersonLink>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<Nomination> Nominations => Set<Nomination>();
    public DbSet<Vote> Votes => Set<Vote>();
    public DbSet<Recusal> Recusals => Set<Recusal>();
    public DbSet<NominationComment> NominationComments => Set<NominationComment>();
    public DbSet<EmailTemplate> EmailTemplates => Set<EmailTemplate>();
    public DbSet<Fellow> Fellows => Set<Fellow>();
    public DbSet<ServiceAward> ServiceAwards => Set<ServiceAward>();
    public DbSet<ServiceAwardEvent> ServiceAwardEvents => Set<ServiceAwardEvent>();
    public DbSet<SponsorProgram> SponsorPrograms => Set<SponsorProgram>();
    public DbSet<SponsorPackage> SponsorPackages => Set<SponsorPackage>();
    public DbSet<Sponsor> Sponsors => Set<Sponsor>();
    public DbSet<Sponsorship> Sponsorships => Set<Sponsorship>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<SponsorshipEvent> SponsorshipEvents => Set<SponsorshipEvent>();
    public DbSet<Donation> Donations => Set<Donation>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<DonationImport> DonationImports => Set<DonationImport>();
    public DbSet<DonationDay> DonationDays => Set<DonationDay>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostTemplate> PostTemplates => Set<PostTemplate>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<OutboxAttempt> OutboxAttempts => Set<OutboxAttempt>();
    public DbSet<OutboxAttachment> OutboxAttachments => Set<OutboxAttachment>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RecordsDbContext).Assembly);
        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(200);
        });

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
        DatabaseProvider.For(Database).FinishModel(builder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>SQLite keeps no kind with a timestamp; every instant in Records is UTC. Internal for the compiled model.</summary>
    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public static class RecordsDbContextDeletes
{
    /// <summary>
    /// Saves the deletes the context tracks and counts them; a record someone else deleted or changed first counts as
    /// already gone. Deletes go through the change tracker so that the audit log keeps what was deleted.
    /// </summary>
    public static async Task<int> DeleteCountAsync(this RecordsDbContext db, CancellationToken ct = default)
    {
        var count = db.ChangeTracker.Entries().Count(e => e.State == EntityState.Deleted);
        try
        {
            await db.SaveChangesAsync(ct);
            return count;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return 0;
        }
    }
}
