using Records.Core.Accounts;

namespace Records.Benchmarks.Pages;

/// <summary>
/// A page measured under load: where it is, which role signs in to see it, and a piece of its HTML that proves the
/// signed-in view was served (an anonymous visitor would get a 200 too). A new page is one more line in <see cref="All"/>.
/// </summary>
public sealed record PageCase(string Name, string Path, string? Role, string Expect)
{
    public static readonly PageCase[] All =
    [
        new("Staff home", "/", Roles.Staff, "data-panel=\"staff\""),
        new("Review list of the open round", "/Nominations", Roles.WorkGroup, "data-nominations"),
        new("Public Fellow roster", "/Fellows", null, "data-fellow="),
        new("Donations ledger, first page", "/Donations", Roles.Staff, "data-ledger"),
    ];
}
