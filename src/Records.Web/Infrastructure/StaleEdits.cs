using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;

namespace Records.Web.Infrastructure;

/// <summary>
/// The answer to a stale edit: someone else saved the record after the form was read, or at the same moment. The page
/// comes back with the page's message above the form and a 409, and nothing of this edit is saved.
/// </summary>
public static class StaleEdits
{
    public static PageResult StaleEdit(this PageModel page, string message)
    {
        page.ModelState.AddModelError("", message);
        return page.WithStatus(StatusCodes.Status409Conflict);
    }

    /// <summary>False when someone else saved one of the changed records first; nothing of this save is kept then.</summary>
    public static Task<bool> TrySaveAsync(this RecordsDbContext db, CancellationToken ct = default) => TrySaveAsync(() => db.SaveChangesAsync(ct));

    /// <summary>Runs a save made another way (in a transaction, say): false when someone else saved first.</summary>
    public static async Task<bool> TrySaveAsync(Func<Task> save)
    {
        try
        {
            await save();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>Saves, or answers with <see cref="StaleEdit"/> when someone else saved one of the changed records first.</summary>
    public static async Task<PageResult?> SaveOrStaleAsync(this PageModel page, RecordsDbContext db, string message, CancellationToken ct = default) =>
        await db.TrySaveAsync(ct) ? null : page.StaleEdit(message);
}
