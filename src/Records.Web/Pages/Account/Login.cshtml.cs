using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Records.Core.Accounts;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Account;

public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public class InputModel
    {
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public bool RememberMe { get; set; }
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email address.")
                .EmailAddress().WithMessage("Enter an email address like name@example.org.").MaximumLength(320);
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password.").MaximumLength(200);
        }
    }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is { DisabledAt: not null })
        {
            ModelState.AddModelError("Input.Email", "This account is disabled. Ask an Admin to enable it.");
            return this.Invalid();
        }
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl);

        if (result.IsLockedOut && user?.LockoutEnd is { } end)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((end - clock.GetUtcNow()).TotalMinutes));
            ModelState.AddModelError("Input.Password", $"Too many failed attempts: this account is locked for {minutes} more minute{(minutes == 1 ? "" : "s")}.");
        }
        else
        {
            ModelState.AddModelError("Input.Password", "That email and password do not match an account.");
        }
        return this.Invalid();
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
