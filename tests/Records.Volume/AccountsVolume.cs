using Microsoft.AspNetCore.Identity;
using Records.Core.Accounts;

namespace Records.Volume;

/// <summary>The roles and the sign-in accounts: an Admin, Staff, Board and a Work Group of twelve led by the Chair.</summary>
internal static class AccountsVolume
{
    public static void Write(VolumeContext volume)
    {
        var draw = volume.DrawFor(2);
        var roles = Roles.All.ToDictionary(r => r, r => new IdentityRole(r) { Id = draw.Guid().ToString(), NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = draw.Guid().ToString() });
        volume.Write(roles.Values);

        var accounts = new List<(string Email, string Name, string[] Roles)>
        {
            (VolumeUsers.Admin, "Avery Admin", [Roles.Admin]),
            (VolumeUsers.Staff, "Sasha Staff", [Roles.Staff]),
            (VolumeUsers.Board, "Blair Board", [Roles.Board]),
            (VolumeUsers.Chair, "Casey Chair", [Roles.WorkGroup, Roles.Chair]),
        };
        for (var n = 1; n < VolumeUsers.WorkGroupSize; n++)
        {
            accounts.Add((VolumeUsers.WorkGroupMember(n), $"{draw.Pick(Words.GivenNames)} {draw.Pick(Words.FamilyNames)}", [Roles.WorkGroup]));
        }

        // One hash for every account: hashing is deliberately slow, and all of them share the benchmark password.
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), VolumeUsers.Password);
        var users = accounts.Select(a => new AppUser
        {
            Id = draw.Guid().ToString(),
            UserName = a.Email,
            NormalizedUserName = a.Email.ToUpperInvariant(),
            Email = a.Email,
            NormalizedEmail = a.Email.ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = a.Name,
            PasswordHash = hash,
            SecurityStamp = draw.Guid().ToString("N").ToUpperInvariant(),
            ConcurrencyStamp = draw.Guid().ToString(),
            LockoutEnabled = true,
            CreatedAt = volume.HistoryStarts.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        }).ToList();
        volume.Write(users);
        volume.Write(users.Zip(accounts).SelectMany(pair => pair.Second.Roles.Select(r => new IdentityUserRole<string> { UserId = pair.First.Id, RoleId = roles[r].Id })));
        volume.WorkGroupMemberIds = users.Zip(accounts).Where(p => p.Second.Roles.Contains(Roles.WorkGroup)).Select(p => p.First.Id).ToArray();
    }
}
