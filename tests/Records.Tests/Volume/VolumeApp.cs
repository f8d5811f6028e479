using Records.Tests.Infrastructure;
using Records.Volume;

namespace Records.Tests.Volume;

/// <summary>The app over a database the volume generator filled at a small scale, generated once per test class.</summary>
public class VolumeApp : RecordsApp
{
    public const double Scale = 0.01;

    public string VolumePath => Path.Combine(Folder, "volume.db");

    public VolumeGenerator.Report Report { get; private set; } = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Records:DatabasePath"] = VolumePath,
        // The volume generator writes SQLite files.
        ["Records:Database:Provider"] = "Sqlite",
        ["Records:SeedDevelopmentUsers"] = "false",
    };

    public override async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Report = await VolumeGenerator.GenerateAsync(new VolumeOptions(VolumePath, Scale, Seed: 3), TextWriter.Null);
        await base.InitializeAsync();
    }
}
