using System.Text;
using Money = Records.Core.Amounts.Money;
using Records.Core.Accounts;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.LedgerData;

namespace Records.Tests.Donations;

/// <summary>The CSV export: the page's rows and totals, safe to open in a spreadsheet.</summary>
public class LedgerExportTests(LedgerApp app) : IClassFixture<LedgerApp>
{
    [Theory]
    [InlineData("from=&to=")]
    [InlineData("from=2025-01-01&to=2025-12-31&channel=Card")]
    [InlineData("")]
    public async Task TheExportHoldsThePagesRowsAndTotals(string query)
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(Roles.Staff);
        var page = await client.GetPageAsync("/Donations?" + query);

        var response = await client.GetAsync(page.QuerySelector("a[data-export]")!.GetAttribute("href"));

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"donations-{Today:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var lines = Parse(await response.Content.ReadAsStringAsync());
        var blank = lines.FindIndex(l => l.Length == 1 && l[0] == "");
        var rows = lines[1..blank];
        var totals = lines[(blank + 2)..].Where(l => l.Length > 1).ToList();
        Assert.Equal(["Received", "Donor", "Currency", "Amount", "Fee", "Net", "Channel", "Campaign", "Transaction", "Recurring", "Acknowledged"], lines[0]);
        Assert.Equal(TransactionsShown(page), rows.Select(r => r[8].TrimStart('\'')));
        var shown = TotalsShown(page);
        Assert.Equal(shown.Keys.Order(), totals.Select(t => t[2]).Order());
        var byHand = TotalsOf(Gifts.Where(g => rows.Any(r => r[8].TrimStart('\'') == g.Tx)));
        foreach (var t in totals)
        {
            Assert.Equal(shown[t[2]][0], t[1]);
            Assert.Equal(byHand[t[2]][1], new Money(long.Parse(t[3].Replace(".", "")), t[2]).Format());
            Assert.Equal(byHand[t[2]][3], new Money(long.Parse(t[5].Replace(".", "")), t[2]).Format());
        }
    }

    [Fact]
    public async Task AFormulaInACellIsEscaped()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync(Roles.Staff);

        var csv = await client.GetStringAsync("/Donations/Export?from=&to=&donor=acme");

        var row = Parse(csv)[1];
        Assert.Equal("'" + Injection, row[8]);
        Assert.Equal("Acme Corp", row[1]);
        Assert.Equal("2500.00", row[3]);
        Assert.Equal("Bank transfer", row[6]);
        Assert.DoesNotContain("\n=HYPERLINK", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
    }

    /// <summary>Reads CSV with quoted cells; enough for what the export writes.</summary>
    private static List<string[]> Parse(string csv)
    {
        var lines = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n') { cells.Add(cell.ToString().TrimEnd('\r')); cell.Clear(); lines.Add([.. cells]); cells.Clear(); }
            else cell.Append(c);
        }
        return lines;
    }
}
