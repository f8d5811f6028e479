using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Amounts;
using Records.Web.Infrastructure;

namespace Records.Web.Pages.Donations;

/// <summary>
/// Gifts at or above the acknowledgement threshold (settings) not yet acknowledged, oldest first. Staff mark them
/// acknowledged, or send the thank-you letter, which is queued in the same save that marks the gift.
/// </summary>
public partial class AcknowledgementsModel(RecordsDbContext db, FoundationClock clock, IOptions<RecordsOptions> options) : PageModel
{
    public const int PageSize = 50;

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;

    public Paged<Row> Gifts { get; private set; } = new([], 1, PageSize, 0);
    public Money Threshold => new(options.Value.Donations.AcknowledgementThresholdMinor, options.Value.Donations.AcknowledgementCurrency);

    public class InputModel
    {
        public List<int> Ids { get; set; } = [];
    }

    public class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Ids).NotEmpty().WithMessage("Tick the gifts to acknowledge first.");
        }
    }

    public sealed record Row(int Id, DateOnly ReceivedOn, string Donor, string Addressee, int? PersonId, int? OrganisationId, string? Email, long AmountMinor, long QuidProQuoMinor,
        string Currency, DonationChannel Channel, string? Campaign)
    {
        public Money Amount => new(AmountMinor, Currency);
        public string? DonorLink => PersonId is { } p ? DonorModel.PersonLink(p) : OrganisationId is { } o ? DonorModel.OrganisationLink(o) : null;
        /// <summary>Why no letter can be sent, or null when one can.</summary>
        public string? CannotSend => PersonId is null && OrganisationId is null ? "Anonymous gift: no letter is sent, mark it once thanked."
            : string.IsNullOrWhiteSpace(Email) ? "No email address recorded: mark it once thanked by post or phone." : null;
    }

    public static string Link(int page) => $"/Donations/Acknowledgements?p={page}";

    public async Task OnGetAsync() => await LoadAsync();

    public Task<IActionResult> OnPostMarkAsync(int? id) => AcknowledgeAsync(id, send: false);

    public Task<IActionResult> OnPostSendAsync(int? id) => AcknowledgeAsync(id, send: true);

    private DateOnly Today => clock.Today;

    private IQueryable<Donation> Pending() =>
        Acknowledgement.Awaiting(db.Donations, options.Value.Donations.AcknowledgementThresholdMinor, options.Value.Donations.AcknowledgementCurrency);

    // Also re-renders after a refused post: a read the reader may abandon, unlike the save before it.
    private async Task LoadAsync()
    {
        Gifts = await Rows(Pending().AsNoTracking().OrderBy(d => d.ReceivedOn).ThenBy(d => d.Id)).ToPagedAsync(P, PageSize, HttpContext.RequestAborted);
    }

    /// <summary>The donor's name and address chosen in SQL; an anonymous gift's donor never leaves the database.</summary>
    private static IQueryable<Row> Rows(IQueryable<Donation> donations) =>
        donations.Select(d => new Row(d.Id, d.ReceivedOn,
            d.IsAnonymous ? Ledger.Anonymous : d.Person != null ? d.Person.Name : d.Organisation != null ? d.Organisation.Name : Ledger.Anonymous,
            d.IsAnonymous ? Ledger.Anonymous : d.Person != null ? d.Person.Name : d.Organisation != null ? (d.Organisation.PrimaryContactName ?? d.Organisation.Name) : Ledger.Anonymous,
            d.IsAnonymous ? null : d.PersonId, d.IsAnonymous ? null : d.OrganisationId,
            d.IsAnonymous ? null : d.Person != null ? d.Person.Email : d.Organisation != null ? d.Organisation.PrimaryContactEmail : null,
            d.AmountMinor, d.QuidProQuoMinor, d.Currency, d.Channel, d.Campaign != null ? d.Campaign.Name : null));
}
