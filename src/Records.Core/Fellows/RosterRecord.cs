using System.Globalization;
using CsvHelper;
using Records.Core.People;

namespace Records.Core.Fellows;

/// <summary>One record of an imported roster as written in the file, and the checks it must pass.</summary>
internal sealed record RosterRecord(string Name, string Year, string Quarter, string Links, string? Email, string Status)
{
    private static readonly char[] LinkSeparators = [' ', '\t', '\r', '\n', '|'];

    public bool IsBlank => Name.Length == 0 && Year.Length == 0 && Quarter.Length == 0 && Links.Length == 0 && Email is null && Status.Length == 0;

    public static RosterRecord Read(CsvReader reader, RosterImport.Columns columns)
    {
        string Field(int index) => index >= 0 && index < reader.FieldCount ? (reader.GetString(index) ?? "").Trim() : "";
        var email = Field(columns.Email);
        return new RosterRecord(Field(columns.Name), Field(columns.Year), Field(columns.Quarter), Field(columns.Links),
            email.Length == 0 ? null : email, Field(columns.Status));
    }

    /// <summary>Every reason this record cannot join the roster, in column order; empty when it can.</summary>
    public List<string> Check(int currentYear)
    {
        var reasons = new List<string>();
        if (Name.Length == 0) reasons.Add("The name is missing.");
        else if (Name.Length > 200) reasons.Add("The name is longer than 200 characters.");

        var lastYear = currentYear + 1;
        if (Year.Length == 0) reasons.Add("The year is missing.");
        else if (!int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)) reasons.Add($"The year '{Year}' is not a number.");
        else if (year < RosterImport.FirstYear || year > lastYear) reasons.Add($"The year {year} is not between {RosterImport.FirstYear} and {lastYear}.");

        if (Quarter.Length == 0) reasons.Add("The quarter is missing.");
        else if (Quarter is not ("1" or "2" or "3" or "4")) reasons.Add($"The quarter '{Quarter}' is not 1, 2, 3 or 4.");

        foreach (var link in LinkTexts())
        {
            if (link.Length > 500) reasons.Add($"The link '{link[..40]}…' is longer than 500 characters.");
            else if (!IsWebAddress(link) && !LinkRules.IsMastodonHandle(link)) reasons.Add($"The link '{link}' is not a web address starting with http:// or https://.");
        }

        if (Email is not null && !EmailRule.IsValid(Email))
            reasons.Add($"The email '{Email}' is not an email address.");

        if (Status.Length > 0 && ParseStatus(Status) is null)
            reasons.Add($"The status '{Status}' is not one of Active, Emeritus or Deceased.");
        return reasons;
    }

    /// <summary>The row to add; only for a record whose <see cref="Check"/> found nothing.</summary>
    public RosterRow ToRow(int line) => new(line, Name, Email, int.Parse(Year, CultureInfo.InvariantCulture), int.Parse(Quarter, CultureInfo.InvariantCulture),
        Status.Length == 0 ? FellowStatus.Active : ParseStatus(Status)!.Value,
        [.. LinkTexts().Distinct(StringComparer.Ordinal).Select(url => new RosterLink(LinkRules.IsMastodonHandle(url) ? LinkKind.Mastodon : LinkKinds.Of(new Uri(url)), url))]);

    private IEnumerable<string> LinkTexts() => Links.Split(LinkSeparators, StringSplitOptions.RemoveEmptyEntries);

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is ("http" or "https") && uri.Host.Length > 0;

    private static FellowStatus? ParseStatus(string text) =>
        Enum.GetValues<FellowStatus>().Cast<FellowStatus?>().FirstOrDefault(s => string.Equals(s.ToString(), text, StringComparison.OrdinalIgnoreCase));
}
