using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Records.Tests.Infrastructure;
using Records.Tests.Nominations;

namespace Records.Tests.ServiceAwards;

/// <summary>The app with a Board list address, a public address for links in email, and a clock the test sets.</summary>
public class AwardsApp : RecordsApp
{
    public const string BoardList = "board-list@lists.example.org";
    public const string BaseUrl = "https://records.example.org";

    public TestClock Clock { get; } = new(DateTimeOffset.Parse("2027-05-20T15:00:00-04:00"));

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Records:BoardListAddress"] = BoardList,
        ["Records:BaseUrl"] = BaseUrl,
        ["Records:TimeZone"] = "America/New_York",
        ["Records:Nominations:PerAddressPerHour"] = "1000",
    };

    protected override bool StartsFromPreparedCopy => StartupType == typeof(AwardsApp);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public static class Propose
{
    public const string Reasons = "She has run the regional Python conference for six years and mentored its first-time speakers.";

    public static Dictionary<string, string> Form(string recipient = "Grace Example") => new()
    {
        ["Input.RecipientName"] = recipient,
        ["Input.Reasons"] = Reasons,
        ["Input.Year"] = "2027",
        ["Input.Quarter"] = "2",
        ["Input.ProposerName"] = "Pat Proposer",
        ["Input.ProposerEmail"] = "pat@example.net",
    };

    public static Dictionary<string, string> With(this Dictionary<string, string> form, string field, string value) =>
        new(form) { [field] = value };

    public static Task<HttpResponseMessage> ProposeAsync(this HttpClient client, Dictionary<string, string> form) =>
        client.SubmitAsync("/ServiceAwards/Propose", form);
}
