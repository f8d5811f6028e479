using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Records.Core.Donations;
using Records.Core.Mail;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Donations;

public partial class AcknowledgementsModel
{
    /// <summary>Marks the chosen gifts (one row's button, or the ticked rows) and, when sending, queues each letter in the same save.</summary>
    private async Task<IActionResult> AcknowledgeAsync(int? id, bool send)
    {
        if (id is { } one) Input.Ids = [one];
        if (!ModelState.AddErrors(new Validator().Validate(Input))) return await InvalidAsync();

        var ids = Input.Ids.Distinct().ToList();
        var chosen = await Rows(db.Donations.AsNoTracking().Where(d => ids.Contains(d.Id) && d.AcknowledgedOn == null)).ToListAsync();
        if (chosen.Count == 0)
        {
            TempData["Flash"] = "Those gifts were already acknowledged.";
            return Redirect("/Donations/Acknowledgements");
        }
        var sending = send ? chosen.Where(r => r.CannotSend is null).ToList() : chosen;
        var skipped = send ? chosen.Where(r => r.CannotSend is not null).ToList() : [];
        if (sending.Count == 0)
        {
            ModelState.AddModelError("", skipped.Count == 1
                ? $"No thank-you letter can be sent for {Describe(skipped[0])}. {skipped[0].CannotSend}"
                : $"No thank-you letter can be sent for {Who(skipped)}: each was given anonymously or has no email address. Mark them acknowledged once thanked another way.");
            return await InvalidAsync();
        }

        var today = Today;
        var now = clock.Now.UtcDateTime;
        var wording = send ? await EmailTemplates.WordingAsync(db, EmailTemplates.DonationThanks) : default;
        var sendingIds = sending.Select(r => r.Id).ToList();
        foreach (var donation in await db.Donations.Where(d => sendingIds.Contains(d.Id)).ToListAsync())
        {
            donation.AcknowledgedOn = today;
        }
        if (send)
        {
            foreach (var row in sending)
            {
                var (subject, body) = EmailTemplates.Render(wording, Letter(row));
                db.Outbox.Add(OutboxMessage.Create([row.Email!], subject, body, now));
            }
        }
        if (!await db.TrySaveAsync())
        {
            db.ChangeTracker.Clear();
            await LoadAsync();
            return this.StaleEdit("Someone else changed one of these gifts at the same moment. Nothing was marked or sent; look at the list again and retry.");
        }

        TempData["Flash"] = send
            ? $"Queued {Count(sending.Count, "thank-you letter")} and marked {(sending.Count == 1 ? "the gift" : "the gifts")} acknowledged."
            : $"Marked {Count(sending.Count, "gift")} acknowledged on {today:MMM d, yyyy}.";
        if (skipped.Count > 0) TempData["FlashError"] = $"Nothing was sent for {Who(skipped)}: no email address, or given anonymously. Mark {(skipped.Count == 1 ? "it" : "them")} once thanked another way.";
        return Redirect("/Donations/Acknowledgements");
    }

    private Dictionary<string, string> Letter(Row row) => new()
    {
        ["foundation"] = options.Value.FoundationName,
        ["donor_name"] = row.Addressee,
        ["amount"] = row.Amount.Format(),
        ["received_on"] = row.ReceivedOn.ToString("MMM d, yyyy", CultureInfo.InvariantCulture),
        ["campaign"] = row.Campaign is { } campaign ? $" towards {campaign}" : "",
        ["quid_pro_quo"] = Acknowledgement.QuidProQuo(row.AmountMinor, row.QuidProQuoMinor, row.Currency),
    };

    private static string Who(IReadOnlyList<Row> rows) =>
        string.Join("; ", rows.Take(5).Select(Describe)) + (rows.Count > 5 ? $" and {rows.Count - 5} more" : "");

    private static string Describe(Row row) =>
        $"{(row.PersonId is null && row.OrganisationId is null ? "the anonymous gift" : $"{row.Donor}'s gift")} of {row.Amount.Format()} received {row.ReceivedOn.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}";

    private static string Count(int n, string what) => n == 1 ? $"1 {what}" : $"{n:#,0} {what}s";

    private async Task<IActionResult> InvalidAsync()
    {
        await LoadAsync();
        return this.Invalid();
    }
}
