using Records.Core.ServiceAwards;
using Records.Tests.Infrastructure;

namespace Records.Tests.ServiceAwards;

public static class AwardData
{
    public static Task<int> ProposalAsync(RecordsApp app, string recipient, ServiceAwardStatus status = ServiceAwardStatus.Proposed, int year = 2026, int quarter = 3) =>
        app.WithDbAsync(async db =>
        {
            // Proposed an hour before now on the host's clock, so the Board's decision comes after it.
            var proposedAt = app.Now.AddHours(-1);
            var award = new ServiceAward
            {
                RecipientName = recipient, ProposerName = "Pat Proposer", ProposerEmail = "pat@example.org",
                Reasons = "for running PyLadies Lagos since 2016 and teaching hundreds of women to program", Year = year, Quarter = quarter,
                Status = status, ProposedAt = proposedAt,
            };
            award.History.Add(new ServiceAwardEvent { Action = ServiceAwardAction.Proposed, Year = year, Quarter = quarter, By = "public form", At = proposedAt });
            db.ServiceAwards.Add(award);
            await db.SaveChangesAsync();
            return award.Id;
        });
}
