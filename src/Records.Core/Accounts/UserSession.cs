using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Records.Core.Accounts;

/// <summary>
/// A signed-in session, kept on the server: the login cookie carries only its key. Deleting the row ends the session
/// for every copy of the cookie at once (log out, an Admin disabling the account or taking a role away).
/// </summary>
public class UserSession
{
    public string Key { get; set; } = "";
    public string UserId { get; set; } = "";
    /// <summary>The authentication ticket (claims and expiry), serialised by ASP.NET Core's TicketSerializer.</summary>
    public byte[] Ticket { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }

    /// <summary>Ends every session of one person: on their next request they are asked to log in again.</summary>
    public static Task<int> EndAllAsync(Data.RecordsDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
}

public class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.UserId).HasMaxLength(450);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.ExpiresAt);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
