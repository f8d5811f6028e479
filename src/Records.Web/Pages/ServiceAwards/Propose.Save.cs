using Records.Core.Data;
using Microsoft.EntityFrameworkCore;
using Records.Core.Accounts;
using Records.Core.Mail;
using Records.Core.ServiceAwards;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.ServiceAwards;

// Saving a proposal: the award, its first event and the Board's notices, all or nothing.
public partial class ProposeModel
{
    /// <summary>Saves the proposal, or answers null when a post of the same form saved it first.</summary>
    private async Task<ServiceAward?> SaveAsync()
    {
        var now = clock.Now.UtcDateTime;
        var signedIn = User.Identity?.IsAuthenticated == true ? User.DisplayName() : null;
        await using var transaction = await DatabaseProvider.For(db).BeginSerialWriteAsync(db, "award proposal", HttpContext.RequestAborted);
        try
        {
            if (await db.ServiceAwards.AnyAsync(a => a.SubmissionKey == Input.SubmissionKey)) return null;
            return await AddAsync(now, signedIn, transaction);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            // Another post of the same form saved between our check and our save: that one is the proposal.
            if (await db.ServiceAwards.AnyAsync(a => a.SubmissionKey == Input.SubmissionKey)) return null;
            throw;
        }
    }

    private async Task<ServiceAward> AddAsync(DateTime now, string? signedIn, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        var award = db.ServiceAwards.Add(new ServiceAward
        {
            RecipientName = Input.RecipientName,
            RecipientIsGroup = Input.RecipientIsGroup,
            RecipientPersonId = Input.RecipientIsGroup ? null : await FindPersonAsync(),
            ProposerName = Input.ProposerName,
            ProposerEmail = Input.ProposerEmail,
            Reasons = Input.Reasons,
            Year = Input.Year,
            Quarter = Input.Quarter,
            Status = ServiceAwardStatus.Proposed,
            ProposedAt = now,
            EnteredBy = signedIn,
            SubmissionKey = Input.SubmissionKey,
            History = [new ServiceAwardEvent { Action = ServiceAwardAction.Proposed, Year = Input.Year, Quarter = Input.Quarter, By = signedIn ?? "public form", At = now }],
        }).Entity;
        await db.SaveChangesAsync();

        // The notice links to the proposal, whose id exists only now.
        var (subject, body) = await EmailTemplates.RenderAsync(db, EmailTemplates.AwardProposed, new Dictionary<string, string>
        {
            ["foundation"] = options.Value.FoundationName,
            ["recipient_name"] = award.RecipientName,
            ["proposer_name"] = award.ProposerName!,
            ["quarter"] = award.YearQuarter.YearFirstName,
            ["proposal_url"] = $"{options.Value.BaseUrl.TrimEnd('/')}/ServiceAwards/Details/{award.Id}",
        });
        foreach (var recipient in await BoardAddressesAsync())
        {
            db.Outbox.Add(OutboxMessage.Create([recipient], subject, body, now, audience: MailAudience.Awards));
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return award;
    }

    /// <summary>The person in Records with the recipient's email, compared without case; none when no email was given.</summary>
    private async Task<int?> FindPersonAsync()
    {
        if (Input.RecipientEmail.Length == 0) return null;
        var email = Input.RecipientEmail.ToLowerInvariant();
        return await db.People.Where(p => p.Email != null && p.Email.ToLower() == email)
            .OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync();
    }

    /// <summary>Each Board member whose account is enabled, and the Board's list address when set.</summary>
    private async Task<List<string>> BoardAddressesAsync()
    {
        var members = await Recipients.WithRoleAsync(db, Roles.Board);
        if (!string.IsNullOrWhiteSpace(options.Value.BoardListAddress)) members.Add(options.Value.BoardListAddress.Trim());
        return members.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
