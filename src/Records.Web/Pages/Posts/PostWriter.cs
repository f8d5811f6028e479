using Records.Core.Data;
using Records.Core.Posts;

namespace Records.Web.Pages.Posts;

/// <summary>Writes a post's Markdown from the records it names and the template in use; shared by New and Regenerate.</summary>
public static class PostWriter
{
    /// <summary>What stopped the post being written, and the form field it belongs to ("" for the whole form).</summary>
    public sealed record Problem(string Field, string Message);

    public static async Task<Problem?> WriteAsync(RecordsDbContext db, Post post, PostSettings settings, DateTime now, CancellationToken ct = default)
    {
        object? model = post.Kind switch
        {
            PostKind.Fellows => await FellowsPostModel.LoadAsync(db, post.Year ?? 0, post.Quarter ?? 0, post.Summary, settings, post.FellowOrder, ct),
            PostKind.ServiceAward => await ServiceAwardPostModel.LoadAsync(db, post.ServiceAwardId ?? 0, settings, ct),
            PostKind.Thanks => await ThanksPostModel.LoadAsync(db, post.CampaignId, post.PeriodFrom, post.PeriodTo, post.ShowTotals, post.NameDonors, settings, ct),
            _ => null,
        };
        if (model is null)
        {
            return post.Kind switch
            {
                PostKind.Fellows => new Problem("Quarter", $"No Fellows are recorded for {post.YearQuarter?.Name}, so there is no one to announce. Add them to the roster first."),
                PostKind.ServiceAward => new Problem("AwardId", "Only an award the Board has approved can be announced."),
                _ => new Problem("CampaignId", "That campaign no longer exists."),
            };
        }
        if (model is ThanksPostModel { DonorCount: 0, GiftCount: 0, SponsorCount: 0 })
        {
            return new Problem(post.CampaignId is null ? "From" : "CampaignId",
                "No gifts or sponsorships are recorded for this campaign or period, so there is no one to thank yet.");
        }
        var rendering = await PostTemplates.RenderAsync(await PostTemplates.InUseAsync(db, post.Kind, ct), model);
        if (!rendering.Succeeded)
        {
            var line = rendering.Line is { } l ? $" (line {l})" : "";
            return new Problem("", $"The {post.Kind} template in use cannot be rendered{line}: {rendering.Error} Correct it under Templates.");
        }
        post.Markdown = rendering.Markdown!;
        post.UpdatedAt = now;
        return null;
    }
}
