using Microsoft.AspNetCore.Identity;

namespace Records.Core.Accounts;

public class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>Set when an Admin disables the account; a disabled user cannot sign in.</summary>
    public DateTime? DisabledAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string WorkGroup = "WorkGroup";
    /// <summary>Chair of the Fellow Work Group; always also a WorkGroup member.</summary>
    public const string Chair = "Chair";
    public const string Staff = "Staff";
    public const string Board = "Board";

    public static readonly string[] All = [Admin, WorkGroup, Chair, Staff, Board];

    /// <summary>The roles as given plus the ones they imply: a Chair is always a WorkGroup member.</summary>
    public static List<string> WithImplied(IEnumerable<string> roles)
    {
        var list = roles.Distinct().ToList();
        if (list.Contains(Chair) && !list.Contains(WorkGroup)) list.Add(WorkGroup);
        return list;
    }
}
