namespace Records.Web.Infrastructure;

public static class Counting
{
    /// <summary>"1 Fellow", "2,000 sponsors".</summary>
    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count:#,0} {noun}s";
}
