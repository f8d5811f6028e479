using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Records.Core.Accounts;

namespace Records.Web.Infrastructure;

/// <summary>Carries the person's name in the login cookie, so pages greet people by name without a query.</summary>
public sealed class RecordsClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.DisplayName)) identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        return identity;
    }
}

public static class ClaimsPrincipalNames
{
    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirst(RecordsClaimsFactory.DisplayName)?.Value ?? user.Identity?.Name ?? "";
}
