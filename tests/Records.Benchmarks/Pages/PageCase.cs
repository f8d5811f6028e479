using Records.Core.Accounts;

namespace Records.Benchmarks.Pages;

/// <summary>
/// A page measured under load: where it is, which role signs in to see it, and a piece of its HTML that proves the
/// signed-in view was served (an anonymous visitor would get a 200 too). A list page (one whose rows grow with the
/// records) is also measured by the growth stage, as is a page whose figures are summed over them (<paramref name="Grows"/>).
/// A new page is one more line in <see cref="All"/>.
/// </summary>
public sealed record PageCase(string Name, string Path, string? Role, string Expect, bool IsList = false, bool Grows = false)
{
    public static readonly PageCase[] All =
    [
        new("Staff home", "/", Roles.Staff, "data-panel=\"staff\"", Grows: true),
        new("Review list of the open round", "/Nominations", Roles.WorkGroup, "data-nominations", IsList: true),
        new("Public Fellow roster", "/Fellows", null, "data-fellow=", IsList: true),
        new("Donations ledger, first page", "/Donations", Roles.Staff, "data-donation=", IsList: true),
        new("Donations ledger, all time", "/Donations?from=&to=", Roles.Staff, "data-donation=", IsList: true),
        new("Sponsors roster", "/Sponsors", Roles.Staff, "data-sponsor=", IsList: true),
        new("Sponsorships list", "/Sponsors/Sponsorships", Roles.Staff, "data-sponsorship=", IsList: true),
        new("Financial report page", "/Reports/Financial", Roles.Board, "data-summary"),
        // The volume data holds no posts, so this is the empty list until the generator writes some.
        new("Announcement posts", "/Posts", Roles.Staff, "Announcement posts", IsList: true),
    ];
}
