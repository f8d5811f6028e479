using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Records.Core.Accounts;

/// <summary>
/// One key of the app's data-protection key ring (the keys that sign login cookies and antiforgery tokens), kept in
/// the database so that every instance of the app on it accepts what another made. Never audited: it is key material.
/// </summary>
public class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    /// <summary>The key as ASP.NET Core's key manager writes it.</summary>
    public string Xml { get; set; } = "";
}

public class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
