using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Records.Volume;

namespace Records.Tests.Volume;

public sealed class VolumeGuardTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "records-tests", Guid.NewGuid().ToString("N"));

    public VolumeGuardTests() => Directory.CreateDirectory(folder);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(21)]
    public void ScaleOutsideTheRangeIsRefusedAndNothingIsWritten(double scale)
    {
        var path = Path.Combine(folder, "refused.db");
        var refusal = DatabaseGuard.Refusal(new VolumeOptions(path, scale), allowAppDatabase: false);
        Assert.NotNull(refusal);
        Assert.Contains("scale", refusal, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task DatabaseThatHoldsRecordsIsRefusedAndLeftAsItWas()
    {
        var path = Path.Combine(folder, "filled.db");
        await VolumeGenerator.GenerateAsync(new VolumeOptions(path, 0.001), TextWriter.Null);
        var before = Hash(path);

        var refusal = DatabaseGuard.Refusal(new VolumeOptions(path, 1), allowAppDatabase: false);

        Assert.NotNull(refusal);
        Assert.Contains("already holds records", refusal);
        Assert.Contains("Donations", refusal);
        Assert.Equal(before, Hash(path));
    }

    [Fact]
    public void AppDatabasePathIsRefusedUnlessAskedExplicitly()
    {
        var path = Path.Combine(folder, "App_Data", "records.db");
        Assert.Contains("--allow-app-database", DatabaseGuard.Refusal(new VolumeOptions(path, 1), allowAppDatabase: false));
        Assert.Null(DatabaseGuard.Refusal(new VolumeOptions(path, 1), allowAppDatabase: true));
    }

    [Fact]
    public async Task SameSeedGivesTheSameRowsAndAnotherSeedDoesNot()
    {
        var first = Path.Combine(folder, "a.db");
        var second = Path.Combine(folder, "b.db");
        var other = Path.Combine(folder, "c.db");
        await VolumeGenerator.GenerateAsync(new VolumeOptions(first, 0.002, Seed: 5), TextWriter.Null);
        await VolumeGenerator.GenerateAsync(new VolumeOptions(second, 0.002, Seed: 5), TextWriter.Null);
        await VolumeGenerator.GenerateAsync(new VolumeOptions(other, 0.002, Seed: 6), TextWriter.Null);

        foreach (var table in new[] { "People", "Donations", "Sponsorships", "Payments", "Nominations", "Votes", "Fellows", "ServiceAwards" })
        {
            Assert.Equal(Dump(first, table), Dump(second, table));
            Assert.NotEqual(Dump(first, table), Dump(other, table));
        }
    }

    private static string Dump(string path, string table)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY Id";
        using var reader = command.ExecuteReader();
        var rows = new System.Text.StringBuilder();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++) rows.Append(reader.GetValue(i)).Append('|');
            rows.AppendLine();
        }
        return rows.ToString();
    }

    private static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
