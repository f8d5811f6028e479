using Records.Core.People;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Records.Core.Accounts;
using Records.Core.Data;
using Records.Core.Mail;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Admin.Users;

public class CreateModel(UserManager<AppUser> users, RecordsDbContext db, TimeProvider clock) : PageModel
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
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter the person's name.").MaximumLength(Limits.Name);
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter an email address.")
                .IsEmail().WithMessage("Enter an email address like name@example.org.");
            RuleFor(x => x.Password).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Set a first password; they can change it after logging in.")
                .MaximumLength(Limits.Password).IsHardToGuess(x => [x.Email, x.DisplayName]);
            RuleFor(x => x.Roles).Must(roles => roles.All(Core.Accounts.Roles.All.Contains))
                .WithMessage(x => $"'{x.Roles.First(r => !Core.Accounts.Roles.All.Contains(r))}' is not a role.");
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
        // Queued on the same context, so the welcome message is saved by the same SaveChanges as the new account.
        var welcome = db.Outbox.Add(OutboxMessage.Create([Input.Email.Trim()], "Your Records account",
            $"""
            Hello {Input.DisplayName.Trim()},

            An account has been made for you in Records, the foundation's recognition and sponsorship records.
            Log in at {Request.Scheme}://{Request.Host}/Account/Login with this email address. The Admin who added you
            will give you your first password; please change it after your first login.
            """, clock.GetUtcNow().UtcDateTime));
        var result = await AppStartup.CreateUserAsync(users, clock, Input.Email.Trim(), Input.DisplayName.Trim(), Input.Password, Input.Roles);
        if (!result.Succeeded)
        {
            welcome.State = Microsoft.EntityFrameworkCore.EntityState.Detached;
            foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", error.Description);
            return this.Invalid();
        }
        TempData["Flash"] = $"{Input.DisplayName.Trim()} can now log in as {Input.Email.Trim()}.";
        return RedirectToPage("Index");
    }
}
