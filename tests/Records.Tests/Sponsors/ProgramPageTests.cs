using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Records.Core.Sponsors;
using Records.Tests.Infrastructure;

namespace Records.Tests.Sponsors;

public class ProgramPageTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    public static string TextOf(IElement element) => Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    private static IElement Section(IHtmlDocument page, string program) => page.QuerySelector($"section[data-program='{program}']")!;

    private static IElement Row(IHtmlDocument page, string program, int year, string package) =>
        Section(page, program).QuerySelector($"table[data-year='{year}'] tr[data-package='{package}']")!;

    private async Task<HttpClient> StaffAsync()
    {
        var client = app.Browser();
        await client.LoginAsRoleAsync("Staff");
        return client;
    }

    private static Dictionary<string, string> Fields(int programId, string name, string year = "2030", string price = "12,500", string capacity = "", string rank = "3") => new()
    {
        ["Input.ProgramId"] = programId.ToString(), ["Input.Name"] = name, ["Input.Year"] = year, ["Input.Price"] = price,
        ["Input.Currency"] = "USD", ["Input.Benefits"] = "Logo on the site", ["Input.Capacity"] = capacity, ["Input.Rank"] = rank,
        ["Input.BenefitMonths"] = "", ["Input.Active"] = "true",
    };

    private Task<int> ProgramIdAsync(string name) => app.WithDbAsync(db => db.SponsorPrograms.Where(p => p.Name == name).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task SeedPriceListsAreShownInTierOrderWithPrices()
    {
        var page = await (await StaffAsync()).GetPageAsync("/Sponsors/Programs");

        var foundation2022 = Section(page, "Foundation").QuerySelectorAll("table[data-year='2022'] tr[data-package] .name").Select(TextOf);
        Assert.Equal(["Visionary", "Sustainability", "Maintaining", "Contributing", "Supporting", "Partner", "Participating", "Associate"], foundation2022);
        Assert.Equal("$150,000", TextOf(Row(page, "Foundation", 2020, "Keystone").QuerySelector(".price")!));
        Assert.Equal("$3,750", TextOf(Row(page, "Foundation", 2022, "Participating").QuerySelector(".price")!));
        var diamond = TextOf(Row(page, "PyPI/Packaging", 2020, "Diamond").QuerySelector(".benefits")!);
        Assert.Contains("In-kind accepted", diamond);
        Assert.Contains("Benefits last 12 months", diamond);
        Assert.StartsWith("unlimited", TextOf(Row(page, "Foundation", 2020, "Gold").QuerySelector(".capacity")!));
        Assert.Equal("Active", TextOf(Row(page, "Foundation", 2020, "Gold").QuerySelector(".status")!));
    }

    [Fact]
    public async Task StaffCreateAPackageAndCapacityCountsSponsorshipsThatAreNotRejected()
    {
        var programId = await ProgramIdAsync("PyCon US");
        var client = await StaffAsync();

        var response = await client.SubmitAsync("/Sponsors/Programs/Package", Fields(programId, "Keynote", capacity: "5"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync("/Sponsors/Programs");
        Assert.Equal("Saved the Keynote package for 2030: $12,500.", TextOf(page.QuerySelector(".flash")!));

        await app.WithDbAsync(async db =>
        {
            var package = await db.SponsorPackages.SingleAsync(k => k.Name == "Keynote");
            Assert.Equal(1_250_000, package.PriceMinor);
            var sponsor = db.Sponsors.Add(new Sponsor { Name = "Capacity Co" }).Entity;
            foreach (var status in new[] { SponsorshipStatus.Approved, SponsorshipStatus.Finalized, SponsorshipStatus.Applied, SponsorshipStatus.Rejected })
            {
                db.Sponsorships.Add(new Sponsorship { Sponsor = sponsor, ProgramId = programId, PackageId = package.Id, Currency = "USD", Status = status, StartsOn = new(2030, 1, 1), EndsOn = new(2030, 12, 31) });
            }
            await db.SaveChangesAsync();
        });
        page = await client.GetPageAsync("/Sponsors/Programs");
        Assert.Equal("3 of 5 taken", TextOf(Row(page, "PyCon US", 2030, "Keynote").QuerySelector(".capacity")!));
    }

    [Fact]
    public async Task BadPackageValuesAreRefusedBesideTheirFields()
    {
        var programId = await ProgramIdAsync("Foundation");
        var client = await StaffAsync();
        var fields = Fields(programId, "", year: "20x0", price: "lots", capacity: "0");
        fields["Input.Currency"] = "US";

        var response = await client.SubmitAsync("/Sponsors/Programs/Package", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.Equal("Enter the package's name, such as Gold.", page.FieldError("Input.Name"));
        Assert.Equal("Enter the year, such as 2024.", page.FieldError("Input.Year"));
        Assert.Equal("“lots” is not an amount: write it in USD like 250 or 99.50.", page.FieldError("Input.Price"));
        Assert.Equal("Enter a three-letter currency code, such as USD.", page.FieldError("Input.Currency"));
        Assert.Equal("Enter how many sponsors the package can take, or leave it empty for unlimited.", page.FieldError("Input.Capacity"));

        var duplicate = await client.SubmitAsync("/Sponsors/Programs/Package", Fields(programId, "Gold", year: "2020"));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal("This program already has a Gold package in 2020.", (await duplicate.ReadPageAsync()).FieldError("Input.Name"));
        Assert.Equal(1, await app.WithDbAsync(db => db.SponsorPackages.CountAsync(k => k.ProgramId == programId && k.Name == "Gold" && k.Year == 2020)));
    }

    [Fact]
    public async Task StaleEditOfAPackageIsRefusedWithAConflict()
    {
        var programId = await ProgramIdAsync("Foundation");
        var id = await app.WithDbAsync(db => db.SponsorPackages.Where(k => k.ProgramId == programId && k.Year == 2022 && k.Name == "Partner").Select(k => k.Id).SingleAsync());
        var client = await StaffAsync();
        var form = await client.GetPageAsync($"/Sponsors/Programs/Package/{id}");
        Assert.Equal("10,000.00", form.QuerySelector("input[name='Input.Price']")!.GetAttribute("value"));

        var other = await StaffAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync($"/Sponsors/Programs/Package/{id}", Fields(programId, "Partner", "2022", "11,000", rank: "5"))).StatusCode);
        var response = await client.SubmitFormAsync(form, $"/Sponsors/Programs/Package/{id}", Fields(programId, "Partner", "2022", "9,000", rank: "5"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Someone else changed this package while you were editing", TextOf((await response.ReadPageAsync()).Body!));
        Assert.Equal(1_100_000, await app.WithDbAsync(db => db.SponsorPackages.Where(k => k.Id == id).Select(k => k.PriceMinor).SingleAsync()));
    }

    [Fact]
    public async Task CopyingTheLatestYearStartsNextYearsPriceListOnce()
    {
        var programId = await ProgramIdAsync("PyPI/Packaging");
        var client = await StaffAsync();
        var form = $"section[data-program='PyPI/Packaging'] form";

        var response = await client.SubmitAsync("/Sponsors/Programs", new Dictionary<string, string>(), form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync("/Sponsors/Programs");
        Assert.Equal("PyPI/Packaging: copied 5 packages from 2020 into 2021.", TextOf(page.QuerySelector(".flash")!));
        Assert.Equal(["Diamond", "Platinum", "Gold", "Silver", "Bronze"],
            Section(page, "PyPI/Packaging").QuerySelectorAll("table[data-year='2021'] tr[data-package] .name").Select(TextOf));
        Assert.Equal("$50,000", TextOf(Row(page, "PyPI/Packaging", 2021, "Diamond").QuerySelector(".price")!));

        var again = await client.SubmitFormAsync(await client.GetPageAsync("/Sponsors/Programs"), "/Sponsors/Programs", new Dictionary<string, string> { ["year"] = "2020" }, form);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        page = await client.GetPageAsync("/Sponsors/Programs");
        Assert.Equal("PyPI/Packaging: every 2020 package is already in 2021; nothing copied.", TextOf(page.QuerySelector(".flash")!));
        Assert.Equal(5, await app.WithDbAsync(db => db.SponsorPackages.CountAsync(k => k.ProgramId == programId && k.Year == 2021)));
        Assert.Contains("Copy 2021's packages into 2022", TextOf(Section(page, "PyPI/Packaging").QuerySelector("form")!));
    }
}
