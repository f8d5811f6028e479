using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Donations;
using Records.Core.Amounts;
using Records.Core.People;
using Records.Core.Text;

namespace Records.Web.Pages.Donations;

public partial class EditModel
{
    private sealed record Donor(int? PersonId, Person? NewPerson, int? SponsorId, bool Anonymous);

    [GeneratedRegex(@"#(?<id>\d{1,9})\s*$")]
    private static partial Regex PickedId();

    /// <summary>Suggestions for the person field: up to ten people whose name or email contains what was typed.</summary>
    public async Task<IActionResult> OnGetPeopleAsync(string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Trim().Length < 2) return new JsonResult(Array.Empty<string>());
        var people = await db.People.AsNoTracking()
            .Where(DatabaseProvider.For(db).ContainsIgnoringCase<Person>(q.Trim(), p => p.Name, p => p.Email))
            .OrderBy(p => p.Name).Take(10).Select(p => new { p.Id, p.Name, p.Email }).ToListAsync(ct);
        return new JsonResult(people.Select(p => Label(p.Id, p.Name, p.Email)));
    }

    public static string Label(int id, string name, string? email) => email is null ? $"{name} #{id}" : $"{name} <{email}> #{id}";

    /// <param name="ct">The request's token on a GET; a post's reads run to the end with its save.</param>
    private async Task<bool> LoadAsync(int? id, CancellationToken ct = default)
    {
        Sponsors = (await db.Sponsors.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct)).Select(s => (s.Id, s.Name)).ToList();
        Campaigns = (await db.Campaigns.AsNoTracking().OrderByDescending(c => c.StartsOn).ThenBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name)).ToList();
        if (id is null) return true;
        Donation = await db.Donations.SingleOrDefaultAsync(d => d.Id == id, ct);
        return Donation is not null;
    }

    private async Task<InputModel> FromDonationAsync(Donation d, CancellationToken ct)
    {
        var person = d.PersonId is null ? null : await db.People.AsNoTracking().Where(p => p.Id == d.PersonId).Select(p => new { p.Id, p.Name, p.Email }).SingleAsync(ct);
        string Amount(long minor) => new Money(minor, d.Currency).Number();
        return new InputModel
        {
            DonorKind = d.IsAnonymous ? Kinds.Anonymous : d.OrganisationId is not null ? Kinds.Organisation : person is not null ? Kinds.Person : Kinds.Anonymous,
            Person = person is null || d.IsAnonymous ? null : Label(person.Id, person.Name, person.Email),
            SponsorId = d.OrganisationId, Amount = Amount(d.AmountMinor), Currency = d.Currency,
            ReceivedOn = d.ReceivedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Channel = d.Channel.ToString(), CampaignId = d.CampaignId,
            Fee = d.FeeMinor == 0 ? null : Amount(d.FeeMinor), TransactionId = d.TransactionId, IsRecurring = d.IsRecurring,
            QuidProQuo = d.QuidProQuoMinor == 0 ? null : Amount(d.QuidProQuoMinor), Notes = d.Notes, Version = d.Version,
        };
    }

    /// <summary>The donor the form names; an unknown or ambiguous person gets a message beside the field.</summary>
    private async Task<Donor> ResolveDonorAsync()
    {
        switch (Input.DonorKind)
        {
            case Kinds.NewPerson when !string.IsNullOrWhiteSpace(Input.NewName):
                return new Donor(null, new Person { Name = Input.NewName.Trim(), Email = Clean(Input.NewEmail), CreatedAt = clock.Now.UtcDateTime }, null, false);
            case Kinds.Organisation:
                return new Donor(null, null, Input.SponsorId, false);
            case Kinds.Anonymous:
                return new Donor(null, null, null, true);
            case Kinds.Person when !string.IsNullOrWhiteSpace(Input.Person):
                var text = Input.Person.Trim();
                var lower = text.ToLowerInvariant();
                var picked = PickedId().Match(text);
                var matches = picked.Success
                    ? await db.People.Where(p => p.Id == int.Parse(picked.Groups["id"].Value, CultureInfo.InvariantCulture)).Select(p => p.Id).ToListAsync()
                    : await db.People.Where(p => p.Email!.ToLower() == lower || p.Name == text).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToListAsync();
                if (matches.Count == 1) return new Donor(matches[0], null, null, false);
                ModelState.AddModelError("Input.Person", matches.Count == 0
                    ? "No one in Records matches this. Pick from the suggestions, or choose “New person” to add them."
                    : "Several people match this. Pick the right one from the suggestions (they show the email).");
                return new Donor(null, null, null, false);
            default:
                return new Donor(null, null, null, false);
        }
    }

    /// <summary>Checks against other records, each beside its field, before anything is saved.</summary>
    private async Task<bool> CheckRecordsAsync()
    {
        var ok = true;
        if (Input.DonorKind == Kinds.Organisation && Input.SponsorId is { } sponsor && !await db.Sponsors.AnyAsync(s => s.Id == sponsor))
        {
            ModelState.AddModelError("Input.SponsorId", "Choose an organisation from the list.");
            ok = false;
        }
        if (Input.CampaignId is { } campaign && !await db.Campaigns.AnyAsync(c => c.Id == campaign))
        {
            ModelState.AddModelError("Input.CampaignId", "Choose a campaign from the list.");
            ok = false;
        }
        if (Input.DonorKind == Kinds.NewPerson && Clean(Input.NewEmail)?.ToLowerInvariant() is { } email
            && await db.People.AnyAsync(p => p.Email!.ToLower() == email))
        {
            ModelState.AddModelError("Input.NewEmail", "Someone in Records already has this email: choose “A person in Records” and pick them.");
            ok = false;
        }
        var transaction = Clean(Input.TransactionId);
        if (transaction is not null && Input.ChannelChoice is { } channel)
        {
            var thisId = Donation?.Id ?? 0;
            var other = await db.Donations.AsNoTracking().Where(d => d.Channel == channel && d.TransactionId == transaction && d.Id != thisId)
                .Select(d => new { d.ReceivedOn }).FirstOrDefaultAsync();
            if (other is not null)
            {
                ModelState.AddModelError("Input.TransactionId",
                    $"A {channel.DisplayName()} gift received on {other.ReceivedOn:MMM d, yyyy} already has this transaction id: it may be the same gift.");
                ok = false;
            }
        }
        return ok;
    }

    private void Apply(Donation donation, Donor donor)
    {
        // An anonymous gift keeps the donor it was recorded with (never shown), so re-saving it loses nothing.
        if (!(donor.Anonymous && donation.IsAnonymous))
        {
            donation.PersonId = donor.PersonId;
            donation.Person = donor.NewPerson;
            donation.OrganisationId = donor.SponsorId;
        }
        donation.IsAnonymous = donor.Anonymous;
        donation.Currency = Input.CurrencyCode;
        donation.AmountMinor = Input.AmountMinor!.Value;
        donation.ReceivedOn = Input.ReceivedDate!.Value;
        donation.Channel = Input.ChannelChoice!.Value;
        donation.CampaignId = Input.CampaignId;
        donation.FeeMinor = Input.FeeMinor;
        donation.TransactionId = Clean(Input.TransactionId);
        donation.IsRecurring = Input.IsRecurring;
        donation.QuidProQuoMinor = Input.QuidProQuoMinor;
        donation.Notes = Clean(Input.Notes);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
