namespace Records.Volume;

/// <summary>What to generate: scale 1 is a large foundation after many years; the seed makes the data repeatable.</summary>
public sealed record VolumeOptions(string DatabasePath, double Scale, int Seed = 1)
{
    public const string DefaultFolder = "artifacts/volume";

    /// <summary>The day the generated history ends; fixed so that the same seed always gives the same rows.</summary>
    public DateOnly AsOf { get; init; } = new(2026, 11, 1);

    public static string DefaultPath(double scale) => Path.Combine(DefaultFolder, $"scale-{scale.ToString(System.Globalization.CultureInfo.InvariantCulture)}.db");
}

/// <summary>The accounts in a generated database, all with <see cref="Password"/>, so benchmarks can sign in as each role.</summary>
public static class VolumeUsers
{
    public const string Password = "Volume-bench-2026!";
    public const string Admin = "admin@volume.example";
    public const string Staff = "staff@volume.example";
    public const string Board = "board@volume.example";
    public const string Chair = "chair@volume.example";

    /// <summary>The Work Group is the Chair plus members 1 to 11: twelve voters.</summary>
    public static string WorkGroupMember(int number) => $"workgroup{number:00}@volume.example";

    public const int WorkGroupSize = 12;
}
