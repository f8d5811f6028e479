using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;

namespace Records.Core.Mail;

/// <summary>A message Records sends, the fields its wording may use, and the foundation's default wording.</summary>
public sealed record EmailTemplateDefinition(string Key, string Name, string SentWhen, IReadOnlyList<string> Fields, string Subject, string Body);

/// <summary>
/// Every templated message. Fields are written <c>{{ field_name }}</c>; a template that names a field the message
/// does not have, or leaves a brace open, is refused with the line it is on.
/// </summary>
public static partial class EmailTemplates
{
    public const string NominationReceived = "nomination-received";
    public const string NominationNotice = "nomination-notice";
    public const string VoteReminder = "vote-reminder";
    public const string OutcomeAccepted = "outcome-accepted";
    public const string OutcomeCarriedOver = "outcome-carried-over";
    public const string OutcomeExpired = "outcome-expired";
    public const string NomineeAccepted = "nominee-accepted";
    public const string AwardProposed = "award-proposed";
    public const string AwardDecided = "award-decided";
    public const string SponsorshipEnding = "sponsorship-ending";
    public const string DonationThanks = "donation-thanks";

    public static readonly IReadOnlyList<EmailTemplateDefinition> All =
    [
        new(NominationReceived, "Nomination received", "to the nominator, when the public form is submitted",
            ["foundation", "nominator_name", "nominee_name", "round", "cut_off", "review_ends"],
            "Your nomination of {{ nominee_name }} as a {{ foundation }} Fellow",
            """
            Dear {{ nominator_name }},

            Thank you for nominating {{ nominee_name }} as a {{ foundation }} Fellow. Your nomination joined the {{ round }} round, which takes nominations until {{ cut_off }}; the Fellow Work Group reviews them until {{ review_ends }}.

            We will write to you again when the Work Group has decided.

            The {{ foundation }} Fellow Work Group
            """),
        new(NominationNotice, "New nomination (to the Work Group)", "to each Work Group member and the list address, when the public form is submitted",
            ["foundation", "nominee_name", "nominator_name", "round", "review_url", "earlier_note", "fellow_note"],
            "New Fellow nomination: {{ nominee_name }} ({{ round }})",
            """
            {{ nominator_name }} has nominated {{ nominee_name }} in the {{ round }} round.
            {{ earlier_note }}{{ fellow_note }}
            Review it here: {{ review_url }}
            """),
        new(VoteReminder, "Vote reminder", "to Work Group members who have neither voted nor recused, when the Chair asks and a few days before review ends",
            ["foundation", "member_name", "round", "review_ends", "pending_count", "review_url"],
            "Reminder: {{ pending_count }} nominations await your vote ({{ round }})",
            """
            Dear {{ member_name }},

            {{ pending_count }} nominations in the {{ round }} round still need your vote. Review ends on {{ review_ends }}.

            {{ review_url }}
            """),
        new(OutcomeAccepted, "Outcome: accepted", "to the nominator, when the Chair closes the round and the nominee is accepted",
            ["foundation", "nominator_name", "nominee_name", "round"],
            "{{ nominee_name }} is a {{ foundation }} Fellow",
            """
            Dear {{ nominator_name }},

            We are pleased to tell you that the Fellow Work Group accepted your nomination of {{ nominee_name }} in the {{ round }} round. Congratulations to them, and thank you for the nomination.

            The {{ foundation }} Fellow Work Group
            """),
        new(OutcomeCarriedOver, "Outcome: carried over", "to the nominator, when a round closes without accepting the nomination and it stays active",
            ["foundation", "nominator_name", "nominee_name", "round", "next_round", "last_round"],
            "Your nomination of {{ nominee_name }} carries into {{ next_round }}",
            """
            Dear {{ nominator_name }},

            The Fellow Work Group did not accept your nomination of {{ nominee_name }} in the {{ round }} round. Nominations stay active for four quarters, so it will be reviewed again in {{ next_round }}, and at the latest in {{ last_round }}.

            The {{ foundation }} Fellow Work Group
            """),
        new(OutcomeExpired, "Outcome: expired", "to the nominator, when a nomination has been active four quarters without being accepted",
            ["foundation", "nominator_name", "nominee_name", "round"],
            "Your nomination of {{ nominee_name }} has expired",
            """
            Dear {{ nominator_name }},

            Your nomination of {{ nominee_name }} was reviewed for four quarters, up to the {{ round }} round, without being accepted, and has now expired. You are welcome to nominate them again with more about their contributions.

            The {{ foundation }} Fellow Work Group
            """),
        new(NomineeAccepted, "Welcome: accepted (to the nominee)", "to the nominee, when the Chair closes the round and they join the Fellow roster",
            ["foundation", "nominee_name", "nominator_name", "round", "roster_url"],
            "Welcome, {{ nominee_name }}: you are a {{ foundation }} Fellow",
            """
            Dear {{ nominee_name }},

            We are pleased to tell you that the Fellow Work Group accepted {{ nominator_name }}'s nomination of you in the {{ round }} round: you are now a {{ foundation }} Fellow. Congratulations, and thank you for all you do for the community.

            You will find your name on the roster: {{ roster_url }}

            The {{ foundation }} Fellow Work Group
            """),
        new(AwardProposed, "Award proposal received (to the Board)", "to each Board member and the Board list, when a Community Service Award is proposed",
            ["foundation", "recipient_name", "proposer_name", "quarter", "proposal_url"],
            "Community Service Award proposal: {{ recipient_name }} ({{ quarter }})",
            """
            {{ proposer_name }} proposes {{ recipient_name }} for the {{ quarter }} Community Service Award.

            The proposal is confidential until the Board approves it. Read it and decide here: {{ proposal_url }}
            """),
        new(AwardDecided, "Award decision (to the proposer)", "to the proposer, when the Board approves, holds over or declines the proposal",
            ["foundation", "proposer_name", "recipient_name", "quarter", "decision", "resolution"],
            "Your Community Service Award proposal for {{ recipient_name }}",
            """
            Dear {{ proposer_name }},

            Thank you for proposing {{ recipient_name }} for the {{ foundation }} Community Service Award. The Board has {{ decision }}.
            {{ resolution }}
            The {{ foundation }} Board of Directors
            """),
        new(SponsorshipEnding, "Sponsorship ending (to Staff)", "to each Staff member and the Staff list, once, when a sponsorship is within its reminder days of ending",
            ["foundation", "sponsor_name", "sponsorship", "ends_on", "days_left", "contact_name", "contact_email", "sponsorship_url"],
            "{{ sponsor_name }}'s sponsorship ends on {{ ends_on }}",
            """
            {{ sponsor_name }}'s {{ sponsorship }} sponsorship ends on {{ ends_on }}, in {{ days_left }} days.

            Primary contact: {{ contact_name }} {{ contact_email }}

            Talk to them about renewing: {{ sponsorship_url }}
            """),
        new(DonationThanks, "Thank-you for a gift (to the donor)", "to the donor, when Staff acknowledge a gift from the acknowledgements list",
            ["foundation", "donor_name", "amount", "received_on", "campaign", "quid_pro_quo"],
            "Thank you for your gift to the {{ foundation }}",
            """
            Dear {{ donor_name }},

            Thank you for your gift of {{ amount }}, received on {{ received_on }}{{ campaign }}. Your support keeps the {{ foundation }}'s work going.

            {{ quid_pro_quo }}

            With our thanks,
            The {{ foundation }}
            """),
    ];

    public static EmailTemplateDefinition Get(string key) =>
        All.FirstOrDefault(t => t.Key == key) ?? throw new ArgumentException($"No email template is called '{key}'.", nameof(key));

    [GeneratedRegex(@"\{\{\s*(?<name>[^{}]*?)\s*\}\}")]
    private static partial Regex Field();

    public static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        Field().Replace(text, m => values.TryGetValue(m.Groups["name"].Value, out var value) ? value : "");

    /// <summary>What is wrong with a wording, each with its line; empty when it can be saved.</summary>
    public static IReadOnlyList<string> Problems(string text, IReadOnlyList<string> fields)
    {
        var problems = new List<string>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match m in Field().Matches(lines[i]))
            {
                var name = m.Groups["name"].Value;
                if (!fields.Contains(name))
                    problems.Add($"Line {i + 1}: {{{{ {name} }}}} is not a field of this message (it has {string.Join(", ", fields)}).");
            }
            var rest = Field().Replace(lines[i], "");
            if (rest.Contains("{{") || rest.Contains("}}"))
                problems.Add($"Line {i + 1}: a field is opened with {{{{ or closed with }}}} without its other half.");
        }
        return problems;
    }

    /// <summary>The wording in use: the Admin's, else the default. Fields missing from <paramref name="values"/> render empty.</summary>
    public static async Task<(string Subject, string Body)> RenderAsync(RecordsDbContext db, string key, IReadOnlyDictionary<string, string> values, CancellationToken ct = default) =>
        Render(await WordingAsync(db, key, ct), values);

    /// <summary>The wording in use for one message, read once when many messages of the kind are queued together.</summary>
    public static async Task<(string Subject, string Body)> WordingAsync(RecordsDbContext db, string key, CancellationToken ct = default)
    {
        var definition = Get(key);
        var custom = await db.EmailTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct);
        return (custom?.Subject ?? definition.Subject, custom?.Body ?? definition.Body);
    }

    public static (string Subject, string Body) Render((string Subject, string Body) wording, IReadOnlyDictionary<string, string> values) =>
        (Render(wording.Subject, values).Trim(), Render(wording.Body, values));
}
