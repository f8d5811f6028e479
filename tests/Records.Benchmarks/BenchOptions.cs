using System.Globalization;
using Records.Benchmarks.Pages;
using Records.Core.Accounts;
using Records.Volume;
using Records.Web.Infrastructure;

namespace Records.Benchmarks;

/// <summary>The command line: a mode, then <c>--name value</c> pairs. run.sh turns its environment overrides into these.</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        usage: Records.Benchmarks [all|pages|growth|startup|inprocess|import|writers|reports|serve] [options]
          --database PATH     the SQLite database to measure (default artifacts/volume/scale-1.db)
          --workers N         concurrent load workers for the page benchmarks (default 16)
          --warmup SECONDS    load before measuring (default 3)
          --duration SECONDS  load measured in each sample (default 10)
          --samples N         measured samples of each page and of its baseline, taken in turn (default 3)
          --scales A,B,...    volume scales the growth stage compares, smallest first (default 0.1,1)
          --runs N            start-up runs of each database (default 5)
          --page NAME         only the page benchmarks whose name contains NAME
          --accounts KIND     volume (the generator's users) or dev (the Development users); default: whichever the database has
          --email EMAIL       sign in as EMAIL for every page instead of the role's account
          --password TEXT     the password of those accounts
          --file PATH         (import-child and writers-child, run by the import benchmarks) the CSV to import
        """;

    public string Mode { get; init; } = "all";
    public string DatabasePath { get; init; } = Path.Combine(Repository.Root, VolumeOptions.DefaultPath(1));
    public int Workers { get; init; } = 16;
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public int Samples { get; init; } = 3;
    public IReadOnlyList<double> Scales { get; init; } = [0.1, 1];
    public int StartupRuns { get; init; } = 5;
    public string? PageFilter { get; init; }
    public string? AccountKind { get; init; }
    public string? Email { get; init; }
    public string? Password { get; init; }
    public string? File { get; init; }

    public static readonly string[] Modes = ["all", "pages", "growth", "startup", "inprocess", "import", "writers", "reports", "serve", "import-child", "writers-child"];

    public bool Runs(string stage) => Mode == "all" || Mode == stage;

    public IReadOnlyList<PageCase> Pages() =>
        PageCase.All.Where(p => PageFilter is null || p.Name.Contains(PageFilter, StringComparison.OrdinalIgnoreCase)).ToList();

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            if (!Modes.Contains(args[0])) throw new ArgumentException($"Unknown mode '{args[0]}'.");
            options = options with { Mode = args[0] };
            i = 1;
        }
        for (; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length) throw new ArgumentException($"{args[i]} needs a value.");
            var value = args[i + 1];
            options = args[i] switch
            {
                "--database" => options with { DatabasePath = Path.GetFullPath(value) },
                "--workers" => options with { Workers = Positive(args[i], value) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(Seconds(args[i], value, allowZero: true)) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Seconds(args[i], value, allowZero: false)) },
                "--runs" => options with { StartupRuns = Positive(args[i], value) },
                "--samples" => options with { Samples = Positive(args[i], value) },
                "--scales" => options with { Scales = ScaleList(value) },
                "--page" => options with { PageFilter = value },
                "--accounts" when value is Accounts.Volume or Accounts.Dev => options with { AccountKind = value },
                "--accounts" => throw new ArgumentException("--accounts is volume or dev."),
                "--email" => options with { Email = value },
                "--password" => options with { Password = value },
                "--file" => options with { File = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }
        return options;
    }

    private static double[] ScaleList(string value)
    {
        var scales = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : throw new ArgumentException($"--scales takes scales above 0 separated by commas, not '{v}'."))
            .Distinct().Order().ToArray();
        return scales.Length >= 2 ? scales : throw new ArgumentException("--scales needs at least two scales, such as 0.1,1.");
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} takes a whole number above 0.");

    private static double Seconds(string name, string value, bool allowZero) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && (s > 0 || (allowZero && s == 0))
            ? s
            : throw new ArgumentException($"{name} takes a number of seconds{(allowZero ? "" : " above 0")}.");
}

/// <summary>Who the benchmarks sign in as: the volume generator's users or the Development users, by role.</summary>
public sealed record Accounts(string Kind, string Password, string? Email)
{
    public const string Volume = "volume";
    public const string Dev = "dev";

    public string EmailFor(string role) => Email ?? (Kind == Dev ? DevEmail(role) : VolumeEmail(role));

    public static Accounts Resolve(BenchOptions options) => Resolve(options, options.DatabasePath);

    public static Accounts Resolve(BenchOptions options, string database)
    {
        var kind = options.AccountKind ?? (BenchDatabase.HasUser(database, VolumeUsers.Staff) ? Volume : Dev);
        var password = options.Password ?? (kind == Dev ? AppStartup.DevelopmentPassword : VolumeUsers.Password);
        return new Accounts(kind, password, options.Email);
    }

    private static string DevEmail(string role) =>
        AppStartup.DevelopmentUsers.OrderBy(u => u.Roles.Length).First(u => u.Roles.Contains(role)).Email;

    private static string VolumeEmail(string role) => role switch
    {
        Roles.Admin => VolumeUsers.Admin,
        Roles.Staff => VolumeUsers.Staff,
        Roles.Board => VolumeUsers.Board,
        Roles.Chair => VolumeUsers.Chair,
        Roles.WorkGroup => VolumeUsers.WorkGroupMember(1),
        _ => throw new ArgumentException($"No volume account has the role {role}."),
    };
}
