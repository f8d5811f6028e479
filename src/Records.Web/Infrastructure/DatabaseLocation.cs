namespace Records.Web.Infrastructure;

public sealed record DatabaseLocation(string Path);
