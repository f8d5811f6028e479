using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Nominations;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Nominations;

/// <summary>What a member does on a nomination: vote, recuse, withdraw a recusal, comment. Each refusal changes nothing.</summary>
public partial class DetailsModel
{
    [BindProperty] public VoteInputModel VoteInput { get; set; } = new();
    [BindProperty] public RecuseInputModel RecuseInput { get; set; } = new();
    [BindProperty] public CommentInputModel CommentInput { get; set; } = new();

    public class VoteInputModel
    {
        public VoteChoice? Choice { get; set; }
        public string? Comment { get; set; }
    }

    public class VoteValidator : AbstractValidator<VoteInputModel>
    {
        public VoteValidator()
        {
            RuleFor(x => x.Choice).NotNull().WithMessage("Choose yes, no or abstain.").IsInEnum().WithMessage("Choose yes, no or abstain.");
            RuleFor(x => x.Comment).MaximumLength(4000).WithMessage("Keep the comment under 4,000 characters.");
        }
    }

    public class RecuseInputModel
    {
        public string? Reason { get; set; }
    }

    public class RecuseValidator : AbstractValidator<RecuseInputModel>
    {
        public RecuseValidator() => RuleFor(x => x.Reason).MaximumLength(1000).WithMessage("Keep the reason under 1,000 characters.");
    }

    public class CommentInputModel
    {
        public string? Body { get; set; }
    }

    public class CommentValidator : AbstractValidator<CommentInputModel>
    {
        public CommentValidator() =>
            RuleFor(x => x.Body).NotEmpty().WithMessage("Write something before posting.").MaximumLength(4000).WithMessage("Keep the comment under 4,000 characters.");
    }

    public async Task<IActionResult> OnPostVoteAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Refusal() is { } refusal) return refusal;
        if (Recused) return Refuse(StatusCodes.Status409Conflict, "You recused yourself from this nomination. Withdraw the recusal before voting.");
        if (!ModelState.AddErrors(new VoteValidator().Validate(VoteInput), nameof(VoteInput))) return this.Invalid();

        var vote = await db.Votes.FirstOrDefaultAsync(v => v.NominationId == id && v.MemberId == Me);
        if (vote is null) db.Votes.Add(vote = new Vote { NominationId = id, MemberId = Me });
        var changed = vote.Id != 0;
        vote.Choice = VoteInput.Choice!.Value;
        vote.Comment = string.IsNullOrWhiteSpace(VoteInput.Comment) ? null : VoteInput.Comment.Trim();
        vote.CastAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        TempData["Flash"] = changed ? $"Your vote is now {vote.Choice}." : $"You voted {vote.Choice}.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRecuseAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Nomination.Status != NominationStatus.UnderReview)
            return Refuse(StatusCodes.Status409Conflict, "This nomination has been decided; there is nothing left to recuse from.");
        if (!ModelState.AddErrors(new RecuseValidator().Validate(RecuseInput), nameof(RecuseInput))) return this.Invalid();
        if (!Recused)
        {
            db.Votes.RemoveRange(await db.Votes.Where(v => v.NominationId == id && v.MemberId == Me).ToListAsync());
            db.Recusals.Add(new Recusal { NominationId = id, MemberId = Me, Reason = string.IsNullOrWhiteSpace(RecuseInput.Reason) ? null : RecuseInput.Reason.Trim(), At = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        }
        TempData["Flash"] = "You are recused from this nomination: your vote, if you had cast one, is withdrawn, and the tally is hidden from you.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnrecuseAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Nomination.Status != NominationStatus.UnderReview)
            return Refuse(StatusCodes.Status409Conflict, "This nomination has been decided; the recusal stays on record.");
        var removed = await db.Recusals.Where(r => r.NominationId == id && r.MemberId == Me).ToListAsync();
        db.Recusals.RemoveRange(removed);
        await db.SaveChangesAsync();
        TempData["Flash"] = removed.Count > 0 ? "Your recusal is withdrawn; you can vote on this nomination." : "You were not recused from this nomination.";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCommentAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.AddErrors(new CommentValidator().Validate(CommentInput), nameof(CommentInput))) return this.Invalid();
        db.NominationComments.Add(new Core.Nominations.NominationComment
        {
            NominationId = id, AuthorId = Me, AuthorName = User.DisplayName(), Body = CommentInput.Body!.Trim(), At = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        TempData["Flash"] = "Your comment is posted.";
        return RedirectToPage(new { id });
    }

    private PageResult? Refusal() =>
        Nomination.Status != NominationStatus.UnderReview
            ? Refuse(StatusCodes.Status409Conflict, $"This nomination is {Nomination.Status}; votes can no longer change.")
            : Nomination.Round.Status switch
            {
                RoundStatus.Closed => Refuse(StatusCodes.Status409Conflict, $"The {RoundName(Nomination.Round)} round is closed; votes can no longer change."),
                RoundStatus.Upcoming => Refuse(StatusCodes.Status409Conflict, $"The {RoundName(Nomination.Round)} round has not opened for votes yet; the Chair opens it."),
                _ => null,
            };

    private PageResult Refuse(int status, string message)
    {
        ModelState.AddModelError("", message);
        var result = Page();
        result.StatusCode = status;
        return result;
    }
}
