using System.Net;
using Records.Core.Donations;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.Import.ImportPages;

namespace Records.Tests.Donations.Import;

public class RecentImportsTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    private Task AddImportsAsync(int count, string prefix) => app.WithDbAsync(db =>
    {
        for (var i = 0; i < count; i++)
        {
            db.DonationImports.Add(new DonationImport
            {
                FileName = $"{prefix}-{i:D2}.csv", Layout = "Stripe", Sha256 = new string('0', 64), RowsRead = 10, Added = 8, Duplicates = 1, BadRows = 1,
                By = "staff@records.local", At = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i),
            });
        }
        return db.SaveChangesAsync();
    });

    [Fact]
    public async Task RecentImportsAreTheTenLatestInTheSameNumberOfCommandsWhateverTheirNumber()
    {
        var client = await app.StaffAsync();
        await AddImportsAsync(2, "few");
        var (few, fewSql) = await app.Sql.GetAsync(client, Url);
        await AddImportsAsync(40, "many");
        var (many, manySql) = await app.Sql.GetAsync(client, Url);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (few.StatusCode, many.StatusCode));
        Assert.Equal(fewSql.Count, manySql.Count);
        var page = await many.ReadPageAsync();
        var rows = page.QuerySelectorAll("[data-recent-imports] tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent).ToList();
        Assert.Equal(10, rows.Count);
        Assert.Equal("many-39.csv", rows[0]);
    }
}
