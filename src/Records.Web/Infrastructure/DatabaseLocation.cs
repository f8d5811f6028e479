namespace Records.Web.Infrastructure;

/// <summary>The SQLite file, and how long a write waits for another's lock (Records:DatabaseBusyTimeoutSeconds).</summary>
public sealed record DatabaseLocation(string Path, int BusyTimeoutSeconds = Records.Core.Data.RecordsDatabase.DefaultBusyTimeoutSeconds);
