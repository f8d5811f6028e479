using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Records.Core.Accounts;

namespace Records.Web.Infrastructure;

public static class PasswordRules
{
    /// <summary>At least 12 characters and hard to guess; the message says why not, beside the field.</summary>
    public static IRuleBuilderOptions<T, string> IsHardToGuess<T>(this IRuleBuilder<T, string> rule, Func<T, IEnumerable<string?>> personalWords) =>
        rule.Must((x, password, context) =>
        {
            var problem = PasswordStrength.Problem(password, personalWords(x));
            if (problem is not null) context.MessageFormatter.AppendArgument("Problem", problem);
            return problem is null;
        }).WithMessage("{Problem}");
}

/// <summary>The same check wherever Identity sets a password (the first Admin from settings, resets), not only in the forms.</summary>
public sealed class HardToGuessPasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(PasswordStrength.Problem(password, [user.Email, user.UserName, user.DisplayName]) is { } problem
            ? IdentityResult.Failed(new IdentityError { Code = "WeakPassword", Description = problem })
            : IdentityResult.Success);
}
