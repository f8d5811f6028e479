using Records.Core.Data;

namespace Records.Web.Infrastructure;

/// <summary>
/// `Records.Web move-data --to "&lt;PostgreSQL connection string&gt;"`: copies the installation's SQLite database (found
/// by the same settings the app reads) into an empty PostgreSQL database with <see cref="DataMove"/>, prints both sides'
/// counts and totals, and ends; the web server is never started.
/// </summary>
public static class MoveDataCommand
{
    public const string Name = "move-data";

    public static bool Asked(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(string[] args)
    {
        var rest = args.Skip(1).ToList();
        var at = rest.IndexOf("--to");
        if (at < 0 || at + 1 >= rest.Count || string.IsNullOrWhiteSpace(rest[at + 1]))
        {
            await Console.Error.WriteLineAsync($"Usage: {Name} --to \"Host=…;Port=5432;Database=…;Username=…;Password=…\" (the empty PostgreSQL database to move the SQLite installation into).");
            return 2;
        }
        var to = rest[at + 1];
        rest.RemoveRange(at, 2);

        // The same configuration, environment and content root the app starts with, so the file is the one it uses.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. rest],
            EnvironmentName = LaunchEnvironment.Choose(Environment.GetEnvironmentVariable, rest),
        });
        var options = builder.Configuration.GetSection(RecordsOptions.Section).Get<RecordsOptions>() ?? new RecordsOptions();
        var source = options.ResolveDatabasePath(builder.Environment.ContentRootPath);

        Console.WriteLine($"Moving {source} into PostgreSQL.");
        try
        {
            var report = await new DataMove(source, to, Console.Out).RunAsync();
            Console.WriteLine();
            foreach (var line in report.Lines()) Console.WriteLine(line);
            Console.WriteLine();
            if (!report.Matches)
            {
                foreach (var mismatch in report.Mismatches) await Console.Error.WriteLineAsync($"Mismatch: {mismatch}");
                await Console.Error.WriteLineAsync("The two sides differ, so the move was rolled back: nothing was written to PostgreSQL.");
                return 1;
            }
            var seconds = Math.Max(report.Elapsed.TotalSeconds, 0.001);
            Console.WriteLine(FormattableString.Invariant($"Moved {report.RowsCopied:N0} rows in {seconds:F1} s ({report.RowsCopied / seconds:N0} rows/s). Point the app at PostgreSQL: Records__Database__Provider=PostgreSQL and ConnectionStrings__Records."));
            return 0;
        }
        catch (DataMoveException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
