using System.Globalization;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Values;
using Microsoft.EntityFrameworkCore;
using Records.Core.Data;

namespace Records.Core.Posts;

/// <summary>What rendering a template gave: the Markdown, or the reason it could not, with the line when known.</summary>
public sealed record PostRendering(string? Markdown, string? Error, int? Line)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// The Liquid templates posts are written with. A template must parse, use only the fields of its kind and finish in
/// a bounded number of steps; otherwise it is refused with the reason and, where it can be found, the line.
/// </summary>
public static partial class PostTemplates
{
    /// <summary>Enough for a post naming thousands of donors; a loop over a huge range stops here instead of running on.</summary>
    public const int MaxSteps = 200_000;

    private static readonly FluidParser Parser = CreateParser();

    private static FluidParser CreateParser()
    {
        var parser = new FluidParser();
        TemplateLimits.Bound(parser);
        return parser;
    }
    private static readonly TemplateOptions Options = CreateOptions();

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { StrictVariables = true, StrictFilters = true, MaxSteps = MaxSteps, MaxRecursion = 20 };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.MemberAccessStrategy.Register<FellowsPostModel>();
        options.MemberAccessStrategy.Register<FellowsPostModel.FellowEntry>();
        options.MemberAccessStrategy.Register<FellowsPostModel.LinkEntry>();
        options.MemberAccessStrategy.Register<ServiceAwardPostModel>();
        options.MemberAccessStrategy.Register<ThanksPostModel>();
        options.MemberAccessStrategy.Register<ThanksPostModel.TotalEntry>();
        options.MemberAccessStrategy.Register<ThanksPostModel.TierEntry>();
        options.Filters.AddFilter("blockquote", (input, _, _) =>
            new StringValue(string.Join("\n", input.ToStringValue().Replace("\r\n", "\n").Split('\n').Select(l => l.Length == 0 ? ">" : "> " + l))));
        TemplateLimits.Bound(options);
        return options;
    }

    public static string Default(PostKind kind) => kind switch
    {
        PostKind.Fellows => DefaultFellows,
        PostKind.ServiceAward => DefaultServiceAward,
        PostKind.Thanks => DefaultThanks,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The fields a template of this kind may use, for the editor's help.</summary>
    public static IReadOnlyList<string> Fields(PostKind kind) => kind switch
    {
        PostKind.Fellows => FellowsPostModel.Fields,
        PostKind.ServiceAward => ServiceAwardPostModel.Fields,
        PostKind.Thanks => ThanksPostModel.Fields,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The wording in use: Staff's, else the default.</summary>
    public static async Task<string> InUseAsync(RecordsDbContext db, PostKind kind, CancellationToken ct = default) =>
        await db.PostTemplates.AsNoTracking().Where(t => t.Kind == kind).Select(t => t.Body).FirstOrDefaultAsync(ct) ?? Default(kind);

    /// <summary>
    /// Renders <paramref name="source"/> with <paramref name="model"/>. Unknown fields and filters, parse errors and
    /// endless loops come back as errors, never as exceptions.
    /// </summary>
    public static async Task<PostRendering> RenderAsync(string source, object model)
    {
        if (!Parser.TryParse(source, out var template, out var error))
        {
            var position = Position().Match(error ?? "");
            var message = (error ?? "The template does not parse.").Split("\nSource:", 2)[0].Trim();
            return position.Success
                ? new PostRendering(null, Position().Replace(message, "").Trim(), int.Parse(position.Groups["line"].Value, CultureInfo.InvariantCulture))
                : new PostRendering(null, message, null);
        }
        if (UnknownMember(source) is { } unknown) return unknown;
        // Fluid builds a literal range's items before its first step is counted, so a huge one is refused unrendered.
        if (HasHugeRange(source))
            return new PostRendering(null, $"The template did not finish within {MaxSteps:N0} steps: a loop that never ends, or over far too many items.", null);
        var context = new TemplateContext(model, Options);
        TemplateLimits.Attach(context);
        try
        {
            using var output = new BoundedWriter(TemplateLimits.Of(context));
            await template.RenderAsync(output, NullEncoder.Default, context);
            return new PostRendering(Tidy(output.ToString()), null, null);
        }
        catch (TemplateLimitException e)
        {
            return new PostRendering(null, e.Message, null);
        }
        catch (FluidException e) when (UndefinedName().Match(e.Message) is { Success: true } undefined)
        {
            var (what, name) = (undefined.Groups["what"].Value, undefined.Groups["name"].Value);
            var fields = string.Join(", ", Fields(KindOf(model)));
            return what == "filter" ? new PostRendering(null, $"There is no filter called “{name}”.", LineOf(source, name))
                : name.StartsWith("Fluid.", StringComparison.Ordinal) ? new PostRendering(null, $"The template uses a field this post does not have. The fields are: {fields}.", null)
                : new PostRendering(null, $"“{name}” is not a field of this post. The fields are: {fields}.", LineOf(source, name));
        }
        catch (InvalidOperationException e) when (e.Message.Contains("maximum", StringComparison.OrdinalIgnoreCase))
        {
            return new PostRendering(null, $"The template did not finish within {MaxSteps:N0} steps: a loop that never ends, or over far too many items.", null);
        }
        catch (Exception e) when (e is FluidException or ParseException or InvalidOperationException or ArgumentException or FormatException)
        {
            return new PostRendering(null, e.Message, null);
        }
    }

    internal static bool HasHugeRange(string source) =>
        LiteralRange().Matches(source).Any(m => Math.Abs(double.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture) - double.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture)) > MaxSteps);

    // What the items of each list have, so "{{ fellow.nmae }}" is named with its line before anything renders
    // (Fluid reports an unknown member without its name).
    private static readonly Dictionary<string, string[]> ItemFields = new()
    {
        ["fellows"] = ["name", "links"],
        ["links"] = ["kind", "url"],
        ["totals"] = ["currency", "amount", "minor"],
        ["tiers"] = ["name", "sponsors"],
        ["sponsors"] = [],
        ["donors"] = [],
    };

    private static readonly string[] AnyValueMembers = ["size", "first", "last"];

    private static PostRendering? UnknownMember(string source)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var items = new Dictionary<string, string>();
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match loop in ForLoop().Matches(lines[i]))
            {
                items[loop.Groups["item"].Value] = loop.Groups["list"].Value.Split('.')[^1];
            }
            foreach (Match member in MemberAccess().Matches(lines[i]))
            {
                var (root, name) = (member.Groups["root"].Value, member.Groups["member"].Value);
                if (!items.TryGetValue(root, out var list) || !ItemFields.TryGetValue(list, out var fields)) continue;
                if (fields.Contains(name) || AnyValueMembers.Contains(name)) continue;
                var known = fields.Length == 0 ? "nothing but the text itself" : string.Join(", ", fields);
                return new PostRendering(null, $"“{root}.{name}” is not a field: each of {list} has {known}.", i + 1);
            }
        }
        return null;
    }

    [GeneratedRegex(@"\{%-?\s*for\s+(?<item>\w+)\s+in\s+(?<list>[\w.]+)")]
    private static partial Regex ForLoop();

    [GeneratedRegex(@"(?<![\w.'""])(?<root>\w+)\.(?<member>\w+)")]
    private static partial Regex MemberAccess();

    private static PostKind KindOf(object model) => model switch
    {
        FellowsPostModel => PostKind.Fellows,
        ServiceAwardPostModel => PostKind.ServiceAward,
        ThanksPostModel => PostKind.Thanks,
        _ => throw new ArgumentException("Not a post model.", nameof(model)),
    };

    private static int? LineOf(string source, string name)
    {
        var lines = source.Replace("\r\n", "\n").Split('\n');
        var last = name.Split('.')[^1];
        for (var i = 0; i < lines.Length; i++)
        {
            if (Regex.IsMatch(lines[i], $@"(?<![\w.]){Regex.Escape(last)}(?!\w)") && lines[i].Contains('{')) return i + 1;
        }
        return null;
    }

    /// <summary>Liquid tags leave blank lines behind; Markdown needs at most one between blocks.</summary>
    private static string Tidy(string markdown) => ExtraBlankLines().Replace(markdown.Replace("\r\n", "\n"), "\n\n").Trim() + "\n";

    [GeneratedRegex(@"\(\s*(?<from>-?\d+)\s*\.\.\s*(?<to>-?\d+)\s*\)")]
    private static partial Regex LiteralRange();

    [GeneratedRegex(@"\s*at \((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex Position();

    [GeneratedRegex(@"Undefined (?<what>variable|filter) '(?<name>[^']*)'")]
    private static partial Regex UndefinedName();

    [GeneratedRegex(@"\n[ \t]*\n(?:[ \t]*\n)+")]
    private static partial Regex ExtraBlankLines();
}
