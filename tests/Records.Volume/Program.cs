using Records.Core.Data;

namespace Records.Volume;

/// <summary>dotnet run -c Release --project tests/Records.Volume -- --scale 1 [--seed 1] [--database path or PostgreSQL connection string] [--allow-app-database]</summary>
internal static class VolumeCommand
{
    public static async Task<int> Main(string[] args)
    {
        var scaleText = Option(args, "--scale") ?? "1";
        if (!double.TryParse(scaleText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var scale))
        {
            Console.Error.WriteLine($"--scale must be a number such as 1 or 0.1; '{scaleText}' is not.");
            return 2;
        }
        var seedText = Option(args, "--seed") ?? "1";
        if (!int.TryParse(seedText, out var seed))
        {
            Console.Error.WriteLine($"--seed must be a whole number; '{seedText}' is not.");
            return 2;
        }
        var database = Option(args, "--database") ?? VolumeOptions.DefaultPath(scale);
        if (IsPostgreSql(database)) return await GenerateIntoPostgreSqlAsync(database, scale, seed);
        var options = new VolumeOptions(database, scale, seed);
        if (DatabaseGuard.Refusal(options, args.Contains("--allow-app-database")) is { } refusal)
        {
            Console.Error.WriteLine(refusal);
            return 1;
        }

        Console.WriteLine($"Generating scale {scale} (seed {seed}) into {Path.GetFullPath(options.DatabasePath)}");
        var report = await VolumeGenerator.GenerateAsync(options, Console.Out);
        foreach (var (table, rows) in report.Counts) Console.WriteLine($"{table,-22} {rows,12:N0}");
        Console.WriteLine($"Done in {report.Elapsed.TotalSeconds:F1} s; {report.Bytes / 1024.0 / 1024.0:F0} MB");
        return 0;
    }

    /// <summary>A connection string such as Host=…;Database=…, rather than a file path.</summary>
    private static bool IsPostgreSql(string database) => database.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// PostgreSQL is filled the way an installation gets there: the volume is generated into a SQLite file of its own
    /// and moved with the app's move-data (<see cref="DataMove"/>), which refuses a database that already holds records.
    /// </summary>
    private static async Task<int> GenerateIntoPostgreSqlAsync(string connectionString, double scale, int seed)
    {
        if (await DataMove.RefusalAsync(connectionString) is { } refusal)
        {
            Console.Error.WriteLine(refusal);
            return 1;
        }
        var folder = Directory.CreateTempSubdirectory("records-volume-");
        try
        {
            var options = new VolumeOptions(Path.Combine(folder.FullName, "volume.db"), scale, seed);
            Console.WriteLine($"Generating scale {scale} (seed {seed}) into {options.DatabasePath}, then moving it into PostgreSQL");
            var report = await VolumeGenerator.GenerateAsync(options, Console.Out);
            Console.WriteLine($"Generated in {report.Elapsed.TotalSeconds:F1} s");
            var move = await new DataMove(options.DatabasePath, connectionString, Console.Out).RunAsync();
            foreach (var line in move.Lines()) Console.WriteLine(line);
            if (!move.Matches)
            {
                foreach (var mismatch in move.Mismatches) Console.Error.WriteLine($"Mismatch: {mismatch}");
                return 1;
            }
            Console.WriteLine($"Moved {move.RowsCopied:N0} rows in {move.Elapsed.TotalSeconds:F1} s");
            return 0;
        }
        catch (DataMoveException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
