using Records.Core.Data;

namespace Records.Web.Infrastructure;

/// <summary>The SQLite file, and how long a write waits for another's lock (Records:DatabaseBusyTimeoutSeconds).</summary>
public sealed record DatabaseLocation(string Path, int BusyTimeoutSeconds = RecordsDatabase.DefaultBusyTimeoutSeconds)
{
    public const string ConnectionStringName = "Records";

    /// <summary>
    /// The database the settings choose: Records:Database:Provider names the engine (Sqlite unless set); SQLite's file
    /// is Records:DatabasePath, PostgreSQL's server ConnectionStrings:Records.
    /// </summary>
    public DatabaseTarget Target(RecordsOptions options, IConfiguration configuration)
    {
        var provider = DatabaseProvider.Named(options.Database.Provider)
            ?? throw new SettingException($"Records:Database:Provider is '{options.Database.Provider}'; it must be {string.Join(" or ", DatabaseProvider.All.Select(p => p.Name))}.");
        if (provider == DatabaseProvider.Sqlite) return new DatabaseTarget(provider, Path, BusyTimeoutSeconds);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new SettingException($"Records:Database:Provider is {provider.Name}, but ConnectionStrings:Records (environment variable ConnectionStrings__Records) is not set.");
        }
        return new DatabaseTarget(provider, connectionString, BusyTimeoutSeconds);
    }
}
