using Records.Core.Budget;
using Records.Core.Donations;
using Records.Core.Nominations;
using Records.Core.Posts;
using Records.Core.ServiceAwards;
using Records.Core.Sponsors;

namespace Records.Core.Text;

/// <summary>
/// The one name people read for each value of an enum, the same on pages, in PDFs, CSV exports and messages.
/// Names are written out rather than split from the identifier, so "PayPal" and "GitHub Sponsors" keep their spelling.
/// </summary>
public static class DisplayNames
{
    public static string DisplayName(this DonationChannel channel) => channel switch
    {
        DonationChannel.Card => "Card",
        DonationChannel.PayPal => "PayPal",
        DonationChannel.Cheque => "Cheque",
        DonationChannel.BankTransfer => "Bank transfer",
        DonationChannel.GitHubSponsors => "GitHub Sponsors",
        DonationChannel.ConvertedRegistration => "Converted registration",
        _ => channel.ToString(),
    };

    public static string DisplayName(this PaymentMethod method) => method switch
    {
        PaymentMethod.BankTransfer => "Bank transfer",
        PaymentMethod.Card => "Card",
        PaymentMethod.Cheque => "Cheque",
        PaymentMethod.PayPal => "PayPal",
        PaymentMethod.Other => "Other",
        _ => method.ToString(),
    };

    public static string DisplayName(this BudgetLineKind kind) => kind switch
    {
        BudgetLineKind.Budget => "Budget",
        BudgetLineKind.ReserveDraw => "Draw on the reserve",
        BudgetLineKind.ReserveBalance => "Reserve balance",
        _ => kind.ToString(),
    };

    public static string DisplayName(this NominationStatus status) => status switch
    {
        NominationStatus.UnderReview => "Under review",
        NominationStatus.Accepted => "Accepted",
        NominationStatus.NotAccepted => "Not accepted",
        NominationStatus.Expired => "Expired",
        NominationStatus.Withdrawn => "Withdrawn",
        _ => status.ToString(),
    };

    public static string DisplayName(this ServiceAwardStatus status) => status switch
    {
        ServiceAwardStatus.Proposed => "Proposed",
        ServiceAwardStatus.HeldOver => "Held over",
        ServiceAwardStatus.Approved => "Approved",
        ServiceAwardStatus.Declined => "Declined",
        _ => status.ToString(),
    };

    public static string DisplayName(this ServiceAwardAction action) => action switch
    {
        ServiceAwardAction.Proposed => "Proposed",
        ServiceAwardAction.Approved => "Approved",
        ServiceAwardAction.HeldOver => "Held over",
        ServiceAwardAction.Declined => "Declined",
        ServiceAwardAction.Reopened => "Reopened",
        ServiceAwardAction.Paid => "Paid",
        _ => action.ToString(),
    };

    public static string DisplayName(this SponsorshipStatus status) => status switch
    {
        SponsorshipStatus.Applied => "Applied",
        SponsorshipStatus.Approved => "Approved",
        SponsorshipStatus.Rejected => "Rejected",
        SponsorshipStatus.Finalized => "Finalized",
        _ => status.ToString(),
    };

    public static string DisplayName(this ContractStatus status) => status switch
    {
        ContractStatus.Draft => "Draft",
        ContractStatus.AwaitingSignature => "Awaiting signature",
        ContractStatus.Executed => "Executed",
        ContractStatus.Nullified => "Nullified",
        _ => status.ToString(),
    };

    public static string DisplayName(this PostKind kind) => kind switch
    {
        PostKind.Fellows => "New Fellows",
        PostKind.ServiceAward => "Community Service Award",
        PostKind.Thanks => "Thanks to donors and sponsors",
        _ => kind.ToString(),
    };
}
