using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Posts;
using Records.Core.ServiceAwards;

namespace Records.Web.Pages.Posts.Templates;

/// <summary>
/// What a template is previewed and checked with: the latest records of its kind when there are some, and always a
/// built-in example that fills every field and branch, so a template that works today cannot fail on the next post.
/// </summary>
public static class Samples
{
    public static object BuiltIn(PostKind kind, PostSettings s) => kind switch
    {
        PostKind.Fellows => new FellowsPostModel(s.Foundation, s.FoundationShort, "Q1 2020", 2020, 1,
            [new("Al Sweigart", [new("Website", "https://inventwithpython.com"), new("Twitter", "")]), new("Kenneth Love", [])],
            "The above members have contributed to the Python ecosystem by teaching Python.", s.CriteriaUrl, s.RosterUrl, s.WorkGroupEmail, s.WorkGroupUrl, 2, "May 20, 2020"),
        PostKind.ServiceAward => new ServiceAwardPostModel(s.Foundation, s.FoundationShort, "John Roa", "2018 Q4", 2018, 4,
            "RESOLVED, that the Python Software Foundation award the 2018 Q4 Community Service Award to John Roa for his work as a founder and Conference Chair of PyCon Colombia.",
            "for his work as a founder and Conference Chair of PyCon Colombia", "January 24, 2019"),
        _ => new ThanksPostModel(s.Foundation, s.FoundationShort, "PyCon 2020 Online", "April 1, 2020 to April 14, 2020", 418, 450, 3, true,
            [new("USD", "$98,765.00", 98_765_00), new("EUR", "€1,000.00", 1_000_00)], true, ["Ada Lovelace", "Grace Hopper"],
            [new("Visionary", ["Bloomberg", "Google"]), new(ThanksPostModel.OtherSponsors, ["MongoDB"])]),
    };

    /// <summary>The latest records of the kind, or null when there are none yet.</summary>
    public static async Task<object?> LatestAsync(RecordsDbContext db, PostKind kind, PostSettings s, DateOnly today, CancellationToken ct = default)
    {
        switch (kind)
        {
            case PostKind.Fellows:
                var latest = await db.Fellows.AsNoTracking().OrderByDescending(f => f.Year).ThenByDescending(f => f.Quarter)
                    .Select(f => new { f.Year, f.Quarter }).FirstOrDefaultAsync(ct);
                return latest is null ? null : await FellowsPostModel.LoadAsync(db, latest.Year, latest.Quarter, "(The summary you write for the post goes here.)", s, ct: ct);
            case PostKind.ServiceAward:
                var award = await db.ServiceAwards.AsNoTracking().Where(a => a.Status == ServiceAwardStatus.Approved)
                    .OrderByDescending(a => a.Year).ThenByDescending(a => a.Quarter).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
                return award is { } id ? await ServiceAwardPostModel.LoadAsync(db, id, s, ct) : null;
            default:
                return await ThanksPostModel.LoadAsync(db, null, today.AddDays(-89), today, showTotals: true, nameDonors: false, s, ct);
        }
    }
}
