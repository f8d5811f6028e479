using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;
using Records.Core.Posts;

namespace Records.Core.Mail;

/// <summary>A message Records sends, the fields its wording may use, and the foundation's default wording.</summary>
public sealed record EmailTemplateDefinition(string Key, string Name, string SentWhen, IReadOnlyList<string> Fields, string Subject, string Body);

/// <summary>
/// Every templated message. Wordings are Liquid, rendered by Fluid within the limits of post templates; fields are
/// written <c>{{ field_name }}</c>. A wording that does not parse, or names a field the message does not have, is
/// refused with the line it is on.
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

    private static readonly FluidParser Parser = CreateParser();
    private static readonly TemplateOptions Options = CreateOptions();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new();

    private static FluidParser CreateParser()
    {
        var parser = new FluidParser();
        TemplateLimits.Bound(parser);
        return parser;
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { MaxSteps = PostTemplates.MaxSteps, MaxRecursion = 20 };
        TemplateLimits.Bound(options);
        return options;
    }

    /// <summary>Fills the fields of a wording that <see cref="Problems"/> accepts; fields without a value render empty.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values)
    {
        var template = Parse(text) ?? throw new ArgumentException("The wording does not parse; check it with Problems before it is saved.", nameof(text));
        var context = new TemplateContext(Options);
        foreach (var (name, value) in values) context.SetValue(name, value);
        TemplateLimits.Attach(context, "message");
        using var output = new BoundedWriter(TemplateLimits.Of(context));
        template.RenderAsync(output, NullEncoder.Default, context).AsTask().GetAwaiter().GetResult();
        return output.ToString();
    }

    private static IFluidTemplate? Parse(string text)
    {
        if (Parsed.TryGetValue(text, out var known)) return known;
        if (!Parser.TryParse(text, out var template, out _)) return null;
        // Wordings are few; the cache only saves parsing the same one for every message of a batch.
        if (Parsed.Count > 100) Parsed.Clear();
        return Parsed[text] = template;
    }

    /// <summary>
    /// What is wrong with a wording, each with its line where it can be found; empty when it can be saved. A wording
    /// must parse as Liquid, name only the message's fields and, filled with sample values, finish within the limits
    /// of a post template.
    /// </summary>
    public static IReadOnlyList<string> Problems(string text, IReadOnlyList<string> fields)
    {
        if (!Parser.TryParse(text, out var template, out var error))
        {
            var position = ErrorPosition().Match(error ?? "");
            var message = (error ?? "The wording does not parse.").Split("\nSource:", 2)[0];
            message = ErrorPosition().Replace(message, "").Trim();
            if (message.Contains("'}}'", StringComparison.Ordinal)) message = "a field is opened with {{ without its closing }}, or its name is more than one word.";
            return [position.Success ? $"Line {position.Groups["line"].Value}: {message}" : message];
        }
        var names = new NamesUsed();
        names.VisitTemplate(template);
        var problems = names.Fields.Where(n => !fields.Contains(n))
            .Select(n => $"{At(LineOf(text, n))}{{{{ {n} }}}} is not a field of this message (it has {string.Join(", ", fields)}).")
            .ToList();
        if (problems.Count > 0) return problems;
        // Fluid builds a literal range's items before its first step is counted, so a huge one is refused unrendered.
        if (PostTemplates.HasHugeRange(text)) return [TooManySteps];
        try
        {
            Render(text, fields.ToDictionary(f => f, f => $"[{f}]"));
            return [];
        }
        catch (TemplateLimitException e)
        {
            return [e.Message];
        }
        catch (InvalidOperationException e) when (e.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase))
        {
            return [TooManySteps];
        }
        catch (Exception e) when (e is FluidException or ParseException or InvalidOperationException or ArgumentException or FormatException)
        {
            return [e.Message];
        }
    }

    private static readonly string TooManySteps = $"The wording did not finish within {PostTemplates.MaxSteps:N0} steps: a loop that never ends, or over far too many items.";

    private static string At(int? line) => line is { } l ? $"Line {l}: " : "";

    private static int? LineOf(string text, string name)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains('{') && Regex.IsMatch(lines[i], $@"(?<![\w.]){Regex.Escape(name)}(?!\w)")) return i + 1;
        }
        return null;
    }

    [GeneratedRegex(@"\s*at \((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex ErrorPosition();

    /// <summary>The fields a wording reads, without the names its own tags give values (assign, capture, for).</summary>
    private sealed class NamesUsed : AstVisitor
    {
        private readonly HashSet<string> own = ["forloop"];
        private readonly List<string> used = [];

        public IEnumerable<string> Fields => used.Where(n => !own.Contains(n)).Distinct();

        protected override Expression VisitMemberExpression(MemberExpression memberExpression)
        {
            if (memberExpression.Segments.Count > 0 && memberExpression.Segments[0] is IdentifierSegment root) used.Add(root.Identifier);
            return base.VisitMemberExpression(memberExpression);
        }

        protected override Statement VisitAssignStatement(AssignStatement assignStatement)
        {
            own.Add(assignStatement.Identifier);
            return base.VisitAssignStatement(assignStatement);
        }

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement)
        {
            own.Add(captureStatement.Identifier);
            return base.VisitCaptureStatement(captureStatement);
        }

        protected override Statement VisitForStatement(ForStatement forStatement)
        {
            own.Add(forStatement.Identifier);
            return base.VisitForStatement(forStatement);
        }
    }

    /// <summary>The wording in use: the Admin's, else the default. Fields missing from <paramref name="values"/> render empty.</summary>
    public static async Task<(string Subject, string Body)> RenderAsync(RecordsDbContext db, string key, IReadOnlyDictionary<string, string> values, CancellationToken ct = default) =>
        Render(await WordingAsync(db, key, ct), values);

    /// <summary>The wording in use for one message, read once when many messages of the kind are queued together.</summary>
    public static async Task<(string Subject, string Body)> WordingAsync(RecordsDbContext db, string key, CancellationToken ct = default)
    {
        var definition = Get(key);
        var custom = await db.EmailTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, ct);
        // A wording saved before wordings were Liquid may hold a stray "{%" that Liquid cannot read; the default is sent instead.
        if (custom is null || Parse(custom.Subject) is null || Parse(custom.Body) is null) return (definition.Subject, definition.Body);
        return (custom.Subject, custom.Body);
    }

    public static (string Subject, string Body) Render((string Subject, string Body) wording, IReadOnlyDictionary<string, string> values) =>
        (Render(wording.Subject, values).Trim(), Render(wording.Body, values));
}
