using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Data;

namespace Records.Web.Infrastructure;

/// <summary>
/// Keeps each login's ticket in the UserSessions table; the cookie holds only a random key. Logging out deletes the
/// row, so a copied cookie stops working at once, and an Admin can end a person's sessions by deleting theirs.
/// Costs one primary-key read per signed-in request, through the request's own context when there is a request.
/// </summary>
public sealed class DatabaseTicketStore(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecordsDbContext>();
        // Sessions nobody logged out of are swept as new ones start.
        await db.UserSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        db.UserSessions.Add(new UserSession
        {
            Key = key,
            UserId = UserIdOf(ticket),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = now,
            ExpiresAt = ticket.Properties.ExpiresUtc?.UtcDateTime,
        });
        await db.SaveChangesAsync();
        return key;
    }

    /// <summary>Also when someone signs in again over a session they already have, perhaps as another person: the row follows the ticket's user.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        var userId = UserIdOf(ticket);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecordsDbContext>().UserSessions.Where(s => s.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires).SetProperty(x => x.UserId, userId));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        // A read without tracking leaves nothing in the context for the page that uses it next.
        if (http.HttpContext is { } request) return await RetrieveAsync(request.RequestServices.GetRequiredService<RecordsDbContext>(), key, request.RequestAborted);
        await using var scope = scopes.CreateAsyncScope();
        return await RetrieveAsync(scope.ServiceProvider.GetRequiredService<RecordsDbContext>(), key, CancellationToken.None);
    }

    private async Task<AuthenticationTicket?> RetrieveAsync(RecordsDbContext db, string key, CancellationToken ct)
    {
        var stored = await SessionQuery.GetValue(db.Model, _ => CompileSession())(db, key, ct);
        if (stored is null || stored.ExpiresAt < clock.GetUtcNow().UtcDateTime) return null;
        return TicketSerializer.Default.Deserialize(stored.Ticket);
    }

    private sealed record Stored(byte[] Ticket, DateTime? ExpiresAt);

    // Compiled once per model: every signed-in request runs it, so it skips EF's per-call translation lookup. A compiled
    // query serves one model only, and a process may hold two (SQLite's and PostgreSQL's in the test suite).
    private static readonly ConditionalWeakTable<IModel, Func<RecordsDbContext, string, CancellationToken, Task<Stored?>>> SessionQuery = new();

    private static Func<RecordsDbContext, string, CancellationToken, Task<Stored?>> CompileSession() => EF.CompileAsyncQuery(
        (RecordsDbContext db, string key, CancellationToken ct) => db.UserSessions.AsNoTracking().Where(s => s.Key == key).Select(s => new Stored(s.Ticket, s.ExpiresAt)).SingleOrDefault());

    private static string UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A login ticket without a user id.");

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecordsDbContext>().UserSessions.Where(s => s.Key == key).ExecuteDeleteAsync();
    }
}
