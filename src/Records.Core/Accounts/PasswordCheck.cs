using Microsoft.AspNetCore.Identity;

namespace Records.Core.Accounts;

/// <summary>Which account an email and password open, doing the same work whether or not the account exists or may log in.</summary>
public static class PasswordCheck
{
    /// <summary>Checked when no account has the email, so that answer takes as long as a wrong password does.</summary>
    private static readonly string StandInHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N"));

    /// <summary>The account, if the password is its own and it is neither disabled nor locked; otherwise null, after one hash check either way.</summary>
    public static async Task<AppUser?> AccountToSignInAsync(UserManager<AppUser> users, string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), StandInHash, password);
            return null;
        }
        var matches = await users.CheckPasswordAsync(user, password);
        if (!matches || user.DisabledAt is not null || await users.IsLockedOutAsync(user)) return null;
        return user;
    }
}
