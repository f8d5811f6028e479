using Records.Core.People;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Records.Core.Accounts;
using Records.Core.Data;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Setup;

/// <summary>Creates the first Admin; it exists only while no Admin does.</summary>
public class IndexModel(RecordsDbContext db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public class InputModel
    {
        public string DisplayName { get; set; } = "";
        public string Email { get; set; } = "";
        public string Password { get; set; } = "";
        public string ConfirmPassword { get; set; } = "";
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter your name.").MaximumLength(Limits.Name);
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email address.")
                .IsEmail().WithMessage("Enter an email address like name@example.org.");
            RuleFor(x => x.Password).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Choose a password.").MaximumLength(Limits.Password)
                .IsHardToGuess(x => [x.Email, x.DisplayName]);
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage("The two passwords do not match.");
        }
    }

    public async Task<IActionResult> OnGetAsync() => await AppStartup.AdminExistsAsync(db) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await AppStartup.AdminExistsAsync(db)) return NotFound();
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();
        // One setup at a time checks that no Admin exists and makes one, so ten forms sent at once make one Admin and the
        // other nine find the page gone.
        await using (var transaction = await DatabaseProvider.For(db).BeginSerialWriteAsync(db, "setup", HttpContext.RequestAborted))
        {
            if (await AppStartup.AdminExistsAsync(db)) return NotFound();
            if (await users.FindByEmailAsync(Input.Email.Trim()) is not null)
            {
                ModelState.AddModelError("Input.Email", "An account with this email already exists.");
                return this.Invalid();
            }
            var result = await AppStartup.CreateUserAsync(users, clock, Input.Email.Trim(), Input.DisplayName.Trim(), Input.Password, [Roles.Admin]);
            if (!result.Succeeded)
            {
                foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", error.Description);
                return this.Invalid();
            }
            await transaction.CommitAsync();
        }
        await signIn.SignInAsync((await users.FindByEmailAsync(Input.Email.Trim()))!, isPersistent: false);
        TempData["Flash"] = "Records is set up and you are its first Admin. Add the other users next.";
        return Redirect("/Admin/Users");
    }
}
