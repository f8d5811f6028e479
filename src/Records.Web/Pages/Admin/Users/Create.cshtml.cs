using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Records.Core.Accounts;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Admin.Users;

public class CreateModel(UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        public string DisplayName { get; set; } = "";
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public List<string> Roles { get; set; } = [];
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter the person's name.").MaximumLength(200);
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter an email address.")
                .EmailAddress().WithMessage("Enter an email address like name@example.org.").MaximumLength(320);
            RuleFor(x => x.Password).NotEmpty().WithMessage("Set a first password; they can change it after logging in.")
                .MinimumLength(10).WithMessage("Use at least 10 characters.").MaximumLength(200);
            RuleForEach(x => x.Roles).Must(r => Core.Accounts.Roles.All.Contains(r)).WithMessage("'{PropertyValue}' is not a role.");
        }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();
        if (await users.FindByEmailAsync(Input.Email.Trim()) is not null)
        {
            ModelState.AddModelError("Input.Email", "A user with this email already exists.");
            return this.Invalid();
        }
        var result = await AppStartup.CreateUserAsync(users, clock, Input.Email.Trim(), Input.DisplayName.Trim(), Input.Password, Input.Roles.Distinct());
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", error.Description);
            return this.Invalid();
        }
        TempData["Flash"] = $"{Input.DisplayName.Trim()} can now log in as {Input.Email.Trim()}.";
        return RedirectToPage("Index");
    }
}
