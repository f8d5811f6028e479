using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Records.Core.Posts;

/// <summary>A template went past one of <see cref="TemplateLimits"/>; the message says which, in Staff's words.</summary>
public sealed class TemplateLimitException(string message) : Exception(message);

/// <summary>
/// What one rendering may use besides Fluid's step count: the text it writes, the size of any value it builds
/// (append in a loop doubles a string each time) and the time it takes. Text is counted wherever it is written,
/// in the output, in a capture or in a filter's result, so nothing grows unseen.
/// </summary>
internal sealed class TemplateLimits
{
    /// <summary>A post, or any value in it: far above a post naming thousands of donors (the default thanks post for 5,000 is about 100 KB).</summary>
    public const int MaxChars = 256 * 1024;
    /// <summary>All text written and built during one rendering, however often it is replaced.</summary>
    public const long MaxWork = 16L * 1024 * 1024;
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(2);

    private const string Key = "Records.TemplateLimits";
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly string what;
    private long work;

    private TemplateLimits(string what) => this.what = what;

    public string TooLong => $"The {what} would be longer than {MaxChars / 1024} KB: a loop or a filter (such as append) repeats text too often.";
    public static readonly string TooSlow = $"The template did not finish within {MaxTime.TotalSeconds:N0} seconds: a loop does far too much.";

    /// <param name="what">What the template writes, as the refusal names it: "post" or "message".</param>
    public static void Attach(TemplateContext context, string what = "post") => context.AmbientValues[Key] = new TemplateLimits(what);

    public static TemplateLimits Of(TemplateContext context) =>
        context.AmbientValues.TryGetValue(Key, out var limits) && limits is TemplateLimits l ? l : throw new InvalidOperationException("Template limits were not attached.");

    public void Charge(long chars)
    {
        work += chars;
        if (work > MaxWork) throw new TemplateLimitException(TooLong);
        if (clock.Elapsed > MaxTime) throw new TemplateLimitException(TooSlow);
    }

    public FluidValue Check(FluidValue value)
    {
        if (value is StringValue)
        {
            var length = value.ToStringValue().Length;
            if (length > MaxChars) throw new TemplateLimitException(TooLong);
            Charge(length);
        }
        else if (value is ArrayValue array)
        {
            if (array.Values.Count > PostTemplates.MaxSteps) throw new TemplateLimitException(TooLong);
            Charge(array.Values.Count);
        }
        return value;
    }

    /// <summary>Every filter's result is checked before the template can use it.</summary>
    public static void Bound(TemplateOptions options)
    {
        foreach (var (name, filter) in options.Filters.ToList())
        {
            options.Filters.AddFilter(name, async (input, arguments, context) => Of(context).Check(await filter(input, arguments, context)));
        }
        options.Assigned = (_, value, context) => new ValueTask<FluidValue>(Of(context).Check(value));
        options.Captured = (_, value, context) => new ValueTask<FluidValue>(Of(context).Check(value));
    }

    /// <summary>Capture writes into a buffer of its own; this one stops at the limit instead of growing.</summary>
    public static void Bound(FluidParser parser)
    {
        parser.RegisteredTags["capture"] = parser.RegisteredTags["capture"].Then<Statement>(s => new BoundedCapture((CaptureStatement)s));
        // ifchanged also buffers its body unseen, and a post has no use for it.
        parser.RegisteredTags.Remove("ifchanged");
    }

    private sealed class BoundedCapture(CaptureStatement inner) : Statement
    {
        public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
        {
            using var buffer = new BoundedWriter(Of(context));
            var completion = Completion.Normal;
            foreach (var statement in inner.Statements)
            {
                completion = await statement.WriteToAsync(buffer, encoder, context);
                if (completion != Completion.Normal) break;
            }
            FluidValue result = new StringValue(buffer.ToString(), false);
            if (context.Captured is { } captured) result = await captured(inner.Identifier, result, context);
            context.SetValue(inner.Identifier, result);
            return completion;
        }
    }
}

/// <summary>Collects a rendering's text and refuses to hold more than <see cref="TemplateLimits.MaxChars"/>.</summary>
internal sealed class BoundedWriter(TemplateLimits limits) : TextWriter
{
    private readonly StringBuilder text = new();

    public override Encoding Encoding => Encoding.UTF8;

    private void Add(int count)
    {
        if (text.Length + count > TemplateLimits.MaxChars) throw new TemplateLimitException(limits.TooLong);
        limits.Charge(count);
    }

    public override void Write(char value)
    {
        Add(1);
        text.Append(value);
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        Add(value.Length);
        text.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        Add(count);
        text.Append(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Add(buffer.Length);
        text.Append(buffer);
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    public override string ToString() => text.ToString();
}
