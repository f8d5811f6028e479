using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Records.Core.Accounts;
using Records.Core.Data;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Accounts;

public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        public string CurrentPassword { get; set; } = "";
        public string NewPassword { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator(params string?[] personalWords)
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
            RuleFor(x => x.NewPassword).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Enter a new password.")
                .MaximumLength(Limits.Password)
                .NotEqual(x => x.CurrentPassword).WithMessage("The new password must differ from the current one.")
                .IsHardToGuess(_ => personalWords);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("The two new passwords do not match.");
        }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.AddErrors(new Validator(User.Identity?.Name, User.DisplayName()).Validate(Input))) return this.Invalid();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword",
                    error.Code == "PasswordMismatch" ? "That is not your current password." : error.Description);
            }
            return this.Invalid();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Flash"] = "Your password has been changed.";
        return RedirectToPage("/Index");
    }
}
