using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Records.Core.Accounts;
using Records.Core.Data;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Admin.Users;

public class EditModel(UserManager<AppUser> users, Records.Core.Data.RecordsDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public AppUser Account { get; private set; } = null!;
    public bool IsSelf => Account.Id == users.GetUserId(User);
    public DateTimeOffset Now => clock.GetUtcNow();

    public class InputModel
    {
        public string DisplayName { get; set; } = "";
        public List<string> Roles { get; set; } = [];
        public string ConcurrencyStamp { get; set; } = "";
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter the person's name.").MaximumLength(Limits.Name);
            RuleFor(x => x.Roles).Must(roles => roles.All(Core.Accounts.Roles.All.Contains))
                .WithMessage(x => $"'{x.Roles.First(r => !Core.Accounts.Roles.All.Contains(r))}' is not a role.");
        }
    }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Input = new InputModel { DisplayName = Account.DisplayName, Roles = [.. await users.GetRolesAsync(Account)], ConcurrencyStamp = Account.ConcurrencyStamp ?? "" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return this.Invalid();
        var wanted = Roles.WithImplied(Input.Roles);
        if (IsSelf && !wanted.Contains(Roles.Admin))
        {
            ModelState.AddModelError("Input.Roles", "You cannot remove your own Admin role; ask another Admin.");
            return this.Invalid();
        }
        if (Account.ConcurrencyStamp != Input.ConcurrencyStamp)
        {
            ModelState.AddModelError("", "Someone else changed this user while you were editing. Reload the page to see their change, then make yours again.");
            return StatusCode409();
        }

        Account.DisplayName = Input.DisplayName.Trim();
        var update = await users.UpdateAsync(Account);
        if (!update.Succeeded)
        {
            ModelState.AddModelError("", "Someone else changed this user while you were editing. Reload the page and try again.");
            return StatusCode409();
        }
        var current = await users.GetRolesAsync(Account);
        var removed = current.Except(wanted).ToList();
        await users.RemoveFromRolesAsync(Account, removed);
        await users.AddToRolesAsync(Account, wanted.Except(current));
        await users.UpdateSecurityStampAsync(Account);
        // A role taken away is gone on their next request, not when the login cookie next refreshes. An Admin editing
        // themselves keeps the session they are using; the new roles reach it within a minute.
        if (removed.Count > 0 && !IsSelf) await UserSession.EndAllAsync(db, Account.Id);
        TempData["Flash"] = $"Saved {Account.DisplayName}.";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (IsSelf)
        {
            TempData["FlashError"] = "You cannot disable your own account.";
            return RedirectToPage(new { id });
        }
        Account.DisabledAt = clock.GetUtcNow().UtcDateTime;
        Account.LockoutEnabled = true;
        Account.LockoutEnd = DateTimeOffset.MaxValue;
        await users.UpdateAsync(Account);
        await users.UpdateSecurityStampAsync(Account);
        await UserSession.EndAllAsync(db, Account.Id);
        TempData["Flash"] = $"{Account.DisplayName} is disabled and can no longer log in.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        if (!await LoadAsync(id)) return NotFound();
        Account.DisabledAt = null;
        Account.LockoutEnd = null;
        Account.AccessFailedCount = 0;
        await users.UpdateAsync(Account);
        TempData["Flash"] = $"{Account.DisplayName} can log in again.";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } account) return false;
        Account = account;
        return true;
    }

    private PageResult StatusCode409()
    {
        return this.WithStatus(StatusCodes.Status409Conflict);
    }
}
