using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Records.Volume;

/// <summary>What the parts of a generation share: the connection, the model, the scale and the records later parts refer to.</summary>
internal sealed class VolumeContext(SqliteConnection connection, IModel model, VolumeOptions options)
{
    public VolumeOptions Options => options;
    public DateOnly AsOf => options.AsOf;
    public DateOnly HistoryStarts => options.AsOf.AddYears(-10).AddDays(1);
    public Dictionary<string, int> Counts { get; } = [];

    public List<string> PersonNames { get; } = [];
    public List<string?> PersonEmails { get; } = [];
    public string[] WorkGroupMemberIds { get; set; } = [];
    public int SponsorCount { get; set; }
    public List<CampaignWindow> Campaigns { get; } = [];

    public sealed record CampaignWindow(int Id, DateOnly StartsOn, DateOnly EndsOn);

    /// <summary>How many rows a table gets: its size at scale 1 times the scale, never fewer than one.</summary>
    public int Count(int atScaleOne) => Math.Max(1, (int)Math.Round(atScaleOne * options.Scale));

    /// <summary>Each part draws from its own sequence, so changing one part leaves the others' rows as they were.</summary>
    public Draw DrawFor(int part) => new(unchecked(options.Seed * 7919 + part));

    public void Write<T>(IEnumerable<T> rows) where T : class
    {
        using var transaction = connection.BeginTransaction();
        using (var table = new BulkTable<T>(connection, transaction, model))
        {
            table.InsertAll(rows);
            Counts[typeof(T).Name] = Counts.GetValueOrDefault(typeof(T).Name) + table.Count;
        }
        transaction.Commit();
    }
}
