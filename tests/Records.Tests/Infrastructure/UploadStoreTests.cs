using Microsoft.Extensions.Options;
using Records.Web.Infrastructure;

namespace Records.Tests.Infrastructure;

public class UploadStoreTests
{
    [Fact]
    public async Task UploadsWaitWhereTheSettingSaysOrElseBesideTheDatabase()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"records-uploads-{Guid.NewGuid():N}");
        try
        {
            var database = new DatabaseLocation(Path.Combine(folder, "db", "records.db"));
            var elsewhere = new UploadStore(database, Options.Create(new RecordsOptions { UploadsPath = Path.Combine(folder, "kept") }), TimeProvider.System);
            var beside = new UploadStore(database, Options.Create(new RecordsOptions()), TimeProvider.System);

            var first = await elsewhere.SaveAsync(new MemoryStream([1, 2, 3]), 10);
            var second = await beside.SaveAsync(new MemoryStream([4, 5]), 10);

            Assert.True(File.Exists(Path.Combine(folder, "kept", first + ".upload")));
            Assert.True(File.Exists(Path.Combine(folder, "db", "uploads", second + ".upload")));
            await using var read = elsewhere.Open(first)!;
            Assert.Equal(3, read.Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AStartRemovesOnlyUploadsOlderThanADaySoAnotherInstancesFileSurvives()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"records-uploads-{Guid.NewGuid():N}");
        try
        {
            var clock = new ManualClock(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
            var options = Options.Create(new RecordsOptions { UploadsPath = folder });
            var running = new UploadStore(new DatabaseLocation(Path.Combine(folder, "records.db")), options, clock);
            var fresh = await running.SaveAsync(new MemoryStream([1, 2, 3]), 10, TestContext.Current.CancellationToken);
            var stale = await running.SaveAsync(new MemoryStream([4, 5]), 10, TestContext.Current.CancellationToken);
            File.SetLastWriteTimeUtc(Path.Combine(folder, fresh + ".upload"), clock.GetUtcNow().UtcDateTime.AddHours(-23));
            File.SetLastWriteTimeUtc(Path.Combine(folder, stale + ".upload"), clock.GetUtcNow().UtcDateTime.AddHours(-25));

            new UploadStore(new DatabaseLocation(Path.Combine(folder, "records.db")), options, clock).SweepExpired();

            await using (var kept = running.Open(fresh)) Assert.NotNull(kept);
            Assert.Null(running.Open(stale));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
