using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Records.Core.Data;

namespace Records.Core.Budget;

public enum BudgetLineKind { Budget, ReserveDraw, ReserveBalance }

/// <summary>A budget or reserve figure that Staff enter for the Board's reports, as of a date.</summary>
public class BudgetLine : IVersioned
{
    public int Id { get; set; }
    public BudgetLineKind Kind { get; set; }
    public required string Label { get; set; }
    public DateOnly AsOf { get; set; }
    public long AmountMinor { get; set; }
    public required string Currency { get; set; }
    public string? Source { get; set; }
    public Guid Version { get; set; }
}

public class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.Property(l => l.Label).HasMaxLength(200);
        b.Property(l => l.Currency).HasMaxLength(3);
        b.Property(l => l.Source).HasMaxLength(1000);
        b.HasIndex(l => l.AsOf);
    }
}
