namespace Records.Web.Infrastructure;

/// <summary>The settings under "Records" (environment variables Records__…). The README lists each one.</summary>
public sealed class RecordsOptions
{
    public const string Section = "Records";

    /// <summary>The SQLite file; default App_Data/records.db under the content root.</summary>
    public string? DatabasePath { get; set; }
    /// <summary>Which database engine: Sqlite (the default) or PostgreSQL, whose connection string is ConnectionStrings:Records.</summary>
    public DatabaseOptions Database { get; set; } = new();
    /// <summary>Seconds a write waits for another writer's lock before the page answers 503 with Retry-After.</summary>
    public int DatabaseBusyTimeoutSeconds { get; set; } = Records.Core.Data.RecordsDatabase.DefaultBusyTimeoutSeconds;
    /// <summary>Where uploaded files wait between their dry run and their commit; default "uploads" beside the database file.</summary>
    public string? UploadsPath { get; set; }
    /// <summary>The seed folder; default "seed" beside the application.</summary>
    public string? SeedFolder { get; set; }
    public string FoundationName { get; set; } = "Python Software Foundation";
    /// <summary>The Fellow Work Group's list address, copied on nomination notices.</summary>
    public string? WorkGroupListAddress { get; set; }
    /// <summary>Creates one user per role with the README's passwords; on by default in Development only.</summary>
    public bool? SeedDevelopmentUsers { get; set; }
    public FirstAdminOptions Admin { get; set; } = new();
    /// <summary>The foundation's time zone (IANA id): the day a nomination arrives, and so its round, is read in it.</summary>
    public string TimeZone { get; set; } = "America/New_York";
    /// <summary>The address people reach Records at, for links in emails sent without a request (reminders).</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
    public NominationOptions Nominations { get; set; } = new();
    /// <summary>The Board's list address, copied on new Community Service Award proposals.</summary>
    public string? BoardListAddress { get; set; }
    public ServiceAwardOptions ServiceAwards { get; set; } = new();
    public PostOptions Posts { get; set; } = new();
    public SponsorshipOptions Sponsorships { get; set; } = new();
    public DonationOptions Donations { get; set; } = new();
    public FoundationOptions Foundation { get; set; } = new();
    public LoginOptions Login { get; set; } = new();

    public Records.Core.Posts.PostSettings PostSettings => new(FoundationName, Posts.FellowCriteriaUrl, Posts.FellowRosterUrl,
        Posts.WorkGroupEmail ?? WorkGroupListAddress ?? "psf-fellow@python.org", Posts.WorkGroupUrl);

    public Records.Core.Nominations.NominationSettings NominationSettings => new(FoundationName, BaseUrl, Zone, Nominations.Quorum, WorkGroupListAddress);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    public string ResolveDatabasePath(string contentRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(DatabasePath) ? Path.Combine(contentRoot, "App_Data", "records.db") : DatabasePath);

    public string ResolveSeedFolder() =>
        string.IsNullOrWhiteSpace(SeedFolder) ? Path.Combine(AppContext.BaseDirectory, "seed") : SeedFolder;
}

public sealed class DatabaseOptions
{
    public string? Provider { get; set; }
}

public sealed class NominationOptions
{
    /// <summary>Votes (yes, no or abstain) a nomination needs before it can be accepted.</summary>
    public int Quorum { get; set; } = 5;
    /// <summary>Days before the end of review when members who have not voted are reminded automatically.</summary>
    public int ReminderDaysBeforeReviewEnds { get; set; } = 5;
    /// <summary>How often the automatic reminder checks whether a round's reminder day has come.</summary>
    public int ReminderPollSeconds { get; set; } = 900;
    /// <summary>Nominations one address may submit per hour through the public form.</summary>
    public int PerAddressPerHour { get; set; } = 5;
    /// <summary>Statement previews one address may ask for per minute (the live preview asks after each pause in typing).</summary>
    public int PreviewsPerAddressPerMinute { get; set; } = 60;
}

public sealed class ServiceAwardOptions
{
    /// <summary>The award's cash amount in minor units: 599 USD.</summary>
    public long AmountMinor { get; set; } = 599_00;
    public string Currency { get; set; } = "USD";
}

public sealed class SponsorshipOptions
{
    /// <summary>Sponsorships ending within this many days are listed on Staff's home page and emailed to Staff once.</summary>
    public int EndingReminderDays { get; set; } = 60;
    /// <summary>The Staff list address, copied on sponsorship reminders.</summary>
    public string? StaffListAddress { get; set; }
    /// <summary>How often the reminder checks for sponsorships coming up to their end.</summary>
    public int ReminderPollSeconds { get; set; } = 3600;
}

public sealed class DonationOptions
{
    /// <summary>Gifts of at least this much (in minor units of <see cref="AcknowledgementCurrency"/>) need an acknowledgement: 250 USD.</summary>
    public long AcknowledgementThresholdMinor { get; set; } = 250_00;
    public string AcknowledgementCurrency { get; set; } = "USD";
    /// <summary>The largest processor file the import takes, in megabytes.</summary>
    public int ImportMaxMegabytes { get; set; } = 100;
}

public sealed class PostOptions
{
    public string FellowCriteriaUrl { get; set; } = "https://www.python.org/psf/fellows/";
    public string FellowRosterUrl { get; set; } = "https://www.python.org/psf/fellows-roster/";
    public string WorkGroupUrl { get; set; } = "https://wiki.python.org/psf/PSF%20Fellow%20Work%20Group";
    /// <summary>The address posts ask nominations to be sent to; default the Work Group's list address.</summary>
    public string? WorkGroupEmail { get; set; }
}

/// <summary>How many failed logins are allowed before a network address is held back (see LoginThrottle).</summary>
public sealed class LoginOptions
{
    /// <summary>Failed logins for one email from one address before that address must wait.</summary>
    public int FailuresPerAccountAndAddress { get; set; } = 5;
    /// <summary>Failed logins from one address, whatever the emails, before it must wait.</summary>
    public int FailuresPerAddress { get; set; } = 20;
    /// <summary>How long a failure counts, and so the longest wait.</summary>
    public int HoldMinutes { get; set; } = 15;
}

public sealed class FirstAdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}

/// <summary>What donor letters and statements print for the donor's tax records; the PSF's by default.</summary>
public sealed class FoundationOptions
{
    public string LegalName { get; set; } = Records.Core.Reports.FoundationDetails.PythonSoftwareFoundation.LegalName;
    public string Address { get; set; } = Records.Core.Reports.FoundationDetails.PythonSoftwareFoundation.Address;
    /// <summary>The US employer identification number (EIN).</summary>
    public string TaxId { get; set; } = Records.Core.Reports.FoundationDetails.PythonSoftwareFoundation.TaxId;
    public string TaxStatus { get; set; } = Records.Core.Reports.FoundationDetails.PythonSoftwareFoundation.TaxStatus;

    public Records.Core.Reports.FoundationDetails Details => new(LegalName.Trim(), Address.Trim(), TaxId.Trim(), TaxStatus.Trim());
}
