using Records.Core.Amounts;

namespace Records.Web.Pages.Sponsors;

public record Amount(string Currency, long Minor);

public static class Amounts
{
    /// <summary>Sums in different currencies are never added together: "$5,000 + €1,200", or an em dash for none.</summary>
    public static string Format(IEnumerable<Amount> amounts)
    {
        var parts = amounts.GroupBy(a => a.Currency).OrderBy(g => g.Key)
            .Select(g => new Money(g.Sum(a => a.Minor), g.Key).Format(dropZeroMinor: true)).ToList();
        return parts.Count == 0 ? "—" : string.Join(" + ", parts);
    }
}
