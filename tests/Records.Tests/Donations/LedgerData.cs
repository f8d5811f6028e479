using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Amounts;
using Records.Core.People;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Donations;

/// <summary>Six gifts in two currencies from two people, an organisation and an anonymous donor, and how the ledger shows them.</summary>
/// <summary>The app with <see cref="LedgerData.Gifts"/> added after start-up: one host per test class that uses it.</summary>
public sealed class LedgerApp : RecordsApp
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await WithDbAsync(LedgerData.AddAsync);
    }
}

public static class LedgerData
{
    public sealed record Gift(string Tx, string Donor, string Currency, long Amount, long Fee, DonationChannel Channel, string? Campaign, DateOnly On, DateOnly? Acknowledged, bool Anonymous = false);

    public static readonly DateOnly Today = RecordsApp.DefaultToday;
    public const string Injection = "=HYPERLINK(\"http://evil.example\")";
    public const string SecretName = "Secret Benefactor";

    public static readonly Gift[] Gifts =
    [
        new("ch_1", "Ada Donor", "USD", 10000, 320, DonationChannel.Card, "Spring Appeal", new(2025, 1, 10), new(2025, 1, 12)),
        new("pp_1", "Ada Donor", "EUR", 5000, 150, DonationChannel.PayPal, null, new(2025, 2, 15), null),
        new(Injection, "Acme Corp", "USD", 250000, 0, DonationChannel.BankTransfer, "Winter Drive", new(2025, 3, 1), null),
        new("ch_2", SecretName, "USD", 30000, 900, DonationChannel.Card, "Spring Appeal", new(2025, 4, 20), new(2025, 4, 25), Anonymous: true),
        new("ch_3", "Bob Giver", "EUR", 2050, 60, DonationChannel.Card, "Winter Drive", new(2025, 5, 5), null),
        new("ch_recent", "Bob Giver", "USD", 1000, 30, DonationChannel.Card, null, Today, null),
    ];

    public static async Task AddAsync(RecordsDbContext db)
    {
        var campaigns = new[] { "Spring Appeal", "Winter Drive" }.ToDictionary(n => n, n => new Campaign { Name = n, Currency = "USD", GoalMinor = 1_000_000 });
        var people = new[] { "Ada Donor", "Bob Giver", SecretName }.ToDictionary(n => n, n => new Person { Name = n, CreatedAt = DateTime.UtcNow });
        var acme = new Sponsor { Name = "Acme Corp", CreatedAt = DateTime.UtcNow };
        foreach (var g in Gifts)
        {
            db.Donations.Add(new Donation
            {
                Person = g.Donor == "Acme Corp" ? null : people[g.Donor], Organisation = g.Donor == "Acme Corp" ? acme : null, IsAnonymous = g.Anonymous,
                Currency = g.Currency, AmountMinor = g.Amount, FeeMinor = g.Fee, Channel = g.Channel, Campaign = g.Campaign is null ? null : campaigns[g.Campaign],
                ReceivedOn = g.On, AcknowledgedOn = g.Acknowledged, TransactionId = g.Tx, IsRecurring = g.Tx == "ch_1",
            });
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The totals by hand: count, gross, fees and net per currency, formatted as the page shows them.</summary>
    public static IReadOnlyDictionary<string, string[]> TotalsOf(IEnumerable<Gift> gifts) =>
        gifts.GroupBy(g => g.Currency).ToDictionary(c => c.Key, c => new[]
        {
            c.Count().ToString(), new Money(c.Sum(g => g.Amount), c.Key).Format(), new Money(c.Sum(g => g.Fee), c.Key).Format(),
            new Money(c.Sum(g => g.Amount - g.Fee), c.Key).Format(),
        });

    public static IReadOnlyDictionary<string, string[]> TotalsShown(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-totals] tr[data-currency]").ToDictionary(r => r.GetAttribute("data-currency")!,
            r => r.QuerySelectorAll("td").Skip(1).Select(Text).ToArray());

    public static string[] TransactionsShown(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-ledger] tr[data-donation]").Select(r => Text(r.QuerySelectorAll("td")[7])).ToArray();

    public static string Text(IElement e) => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
