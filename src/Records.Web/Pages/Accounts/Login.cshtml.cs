using Records.Core.Data;
using Records.Core.People;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Records.Core.Accounts;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Accounts;

public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, LoginThrottle throttle) : PageModel
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
                .IsEmail().WithMessage("Enter an email address like name@example.org.");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password.").MaximumLength(Limits.Password);
        }
    }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public const string Refused = "That email and password do not match an account that can log in.";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();

        var email = Input.Email.Trim();
        var address = LoginThrottle.AddressOf(HttpContext.Connection.RemoteIpAddress);
        var verdict = throttle.Check(email, address);
        if (verdict.Hold != LoginThrottle.Hold.None)
        {
            var wait = $"{verdict.Minutes} minute{(verdict.Minutes == 1 ? "" : "s")}";
            ModelState.AddModelError("Input.Password", verdict.Hold == LoginThrottle.Hold.Address
                ? $"Too many failed logins from your network address: wait {wait} before trying again."
                : $"Too many failed attempts for this email from your network address: wait {wait} before trying again.");
            Response.Headers.RetryAfter = ((int)Math.Ceiling(verdict.Wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return this.WithStatus(StatusCodes.Status429TooManyRequests);
        }

        // Unknown, wrong, disabled and locked get one answer after the same work, so the login tells nobody which accounts exist.
        if (await PasswordCheck.AccountToSignInAsync(users, email, Input.Password) is not { } user)
        {
            throttle.Failed(email, address);
            ModelState.AddModelError("Input.Password", Refused);
            return this.Invalid();
        }
        throttle.Succeeded(email, address);
        await signIn.SignInAsync(user, Input.RememberMe);
        return LocalRedirect(SafeReturnUrl);
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
