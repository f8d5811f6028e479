using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Mail;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Admin.Outbox;

public class IndexModel(RecordsDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string Show { get; set; } = "all";

    public Paged<Row> Messages { get; private set; } = null!;
    public int PendingCount { get; private set; }
    public int FailingCount { get; private set; }

    public sealed record Row(int Id, string To, string Subject, OutboxStatus Status, DateTime CreatedAt, int Attempts, DateTime? LastAttemptAt, string? LastError, DateTime NextAttemptAt, DateTime? SentAt, MailAudience? Audience, DateTime? ClaimedUntil);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PendingCount = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending, ct);
        FailingCount = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending && m.Attempts > 0, ct);
        var query = db.Outbox.AsNoTracking();
        query = Show switch
        {
            "pending" => query.Where(m => m.Status == OutboxStatus.Pending),
            "failing" => query.Where(m => m.Status == OutboxStatus.Pending && m.Attempts > 0),
            "sent" => query.Where(m => m.Status == OutboxStatus.Sent),
            _ => query,
        };
        Messages = await query.OrderByDescending(m => m.Id)
            .Select(m => new Row(m.Id, m.To, m.Subject, m.Status, m.CreatedAt, m.Attempts, m.LastAttemptAt, m.LastError, m.NextAttemptAt, m.SentAt, m.Audience, m.ClaimedUntil))
            .ToPagedAsync(P, 50, ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(int id, [FromServices] OutboxDelivery delivery, CancellationToken ct)
    {
        if (await delivery.RetryNowAsync(db, id, ct))
        {
            TempData["Flash"] = $"Message #{id} will be sent again within a few seconds.";
        }
        else
        {
            TempData["FlashError"] = $"Message #{id} is not waiting to be sent.";
        }
        return RedirectToPage(new { Show, P });
    }

    /// <summary>Whether the reader may see whom a message names: Admin alone runs the outbox, it does not read the Work Group's mail.</summary>
    public bool MayRead(Row message) => User.MayRead(message.Audience);

    /// <summary>Whether an instance of the app is sending the message now (its claim has not run out).</summary>
    public bool IsBeingSent(Row message) => message.Status == OutboxStatus.Pending && message.ClaimedUntil > clock.GetUtcNow().UtcDateTime;

    public string Link(int page) => $"/Admin/Outbox?show={Show}&p={page}";
}
