using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Nominations;
using Records.Core.Text;
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
            RuleFor(x => x.Comment).MaximumLength(Limits.Note).WithMessage("Keep the comment under 4,000 characters.");
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
            RuleFor(x => x.Body).NotEmpty().WithMessage("Write something before posting.").MaximumLength(Limits.Note).WithMessage("Keep the comment under 4,000 characters.");
    }

    public async Task<IActionResult> OnPostVoteAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (VoteRefusal() is { } refusal) return refusal;
        if (!ModelState.AddErrors(new VoteValidator().Validate(VoteInput), nameof(VoteInput))) return this.Invalid();
        return await ApplyAsync(id, VoteRefusal, async () =>
            await Voting.CastAsync(db, id, Me, VoteInput.Choice!.Value, VoteInput.Comment, clock.Now.UtcDateTime)
                ? $"Your vote is now {VoteInput.Choice}." : $"You voted {VoteInput.Choice}.");
    }

    public async Task<IActionResult> OnPostRecuseAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (DecidedRefusal("there is nothing left to recuse from") is { } refusal) return refusal;
        if (!ModelState.AddErrors(new RecuseValidator().Validate(RecuseInput), nameof(RecuseInput))) return this.Invalid();
        return await ApplyAsync(id, () => DecidedRefusal("there is nothing left to recuse from"), async () =>
        {
            await Voting.RecuseAsync(db, id, Me, RecuseInput.Reason, clock.Now.UtcDateTime);
            return "You are recused from this nomination: your vote, if you had cast one, is withdrawn, and the tally is hidden from you.";
        });
    }

    public async Task<IActionResult> OnPostUnrecuseAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        return await ApplyAsync(id, () => DecidedRefusal("the recusal stays on record"), async () =>
            await Voting.WithdrawRecusalAsync(db, id, Me)
                ? "Your recusal is withdrawn; you can vote on this nomination." : "You are not recused from this nomination; you can vote on it.");
    }

    public async Task<IActionResult> OnPostCommentAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (!ModelState.AddErrors(new CommentValidator().Validate(CommentInput), nameof(CommentInput))) return this.Invalid();
        db.NominationComments.Add(new Core.Nominations.NominationComment
        {
            NominationId = id, AuthorId = Me, AuthorName = User.DisplayName(), Body = CommentInput.Body!.Trim(), At = clock.Now.UtcDateTime,
        });
        await db.SaveChangesAsync();
        TempData["Flash"] = "Your comment is posted.";
        return RedirectToPage(new { id });
    }

    private PageResult? VoteRefusal() => Voting.RefuseVote(Nomination.Status, Nomination.Round.Status, Recused) switch
    {
        Core.Nominations.VoteRefusal.Decided => Refuse(StatusCodes.Status409Conflict, $"This nomination is {Nomination.Status.DisplayName().ToLowerInvariant()}; votes can no longer change."),
        Core.Nominations.VoteRefusal.RoundClosed => Refuse(StatusCodes.Status409Conflict, $"The {Nomination.Round.Name} round is closed; votes can no longer change."),
        Core.Nominations.VoteRefusal.RoundNotOpen => Refuse(StatusCodes.Status409Conflict, $"The {Nomination.Round.Name} round has not opened for votes yet; the Chair opens it."),
        Core.Nominations.VoteRefusal.Recused => Refuse(StatusCodes.Status409Conflict, "You recused yourself from this nomination. Withdraw the recusal before voting."),
        _ => null,
    };

    private PageResult? DecidedRefusal(string consequence) =>
        Voting.RecusalsFixed(Nomination.Status) ? Refuse(StatusCodes.Status409Conflict, $"This nomination has been decided; {consequence}.") : null;

    /// <summary>
    /// Saves a member's change, or, when another of their requests (a second tab, a double click) changed the same rows at
    /// the same moment, reads the nomination again and applies the change on top of it; nothing is saved half-way.
    /// </summary>
    private async Task<IActionResult> ApplyAsync(int id, Func<PageResult?> refusal, Func<Task<string>> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (refusal() is { } refused) return refused;
            var flash = await change();
            try
            {
                await db.SaveChangesAsync();
                TempData["Flash"] = flash;
                return RedirectToPage(new { id });
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                if (!await LoadAsync(id)) return NotFound();
                if (attempt == 3) return Refuse(StatusCodes.Status409Conflict, "This nomination changed while your request was saved; look at it again and repeat if needed.");
            }
        }
    }

    private PageResult Refuse(int status, string message)
    {
        ModelState.AddModelError("", message);
        return this.WithStatus(status);
    }
}
