namespace Records.Volume;

/// <summary>dotnet run -c Release --project tests/Records.Volume -- --scale 1 [--seed 1] [--database path] [--allow-app-database]</summary>
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
        var options = new VolumeOptions(Option(args, "--database") ?? VolumeOptions.DefaultPath(scale), scale, seed);
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

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
