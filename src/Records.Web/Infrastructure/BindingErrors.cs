using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Records.Web.Infrastructure;

/// <summary>
/// A value that does not bind (a checkbox sent as "on" or "banana", a number field sent as text) becomes a message
/// beside its field, and the page's own validation then refuses the form with a 400 (see <see cref="Validation.AddErrors"/>).
/// For a checkbox the value sent is also forgotten: redisplaying it would make the checkbox tag helper throw
/// (it converts the value sent back to a boolean), which is how such a post used to end in a 500.
/// </summary>
public sealed class BindingErrors : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var state = context.ModelState;
        foreach (var (key, entry) in state.Where(e => e.Value is { ValidationState: ModelValidationState.Invalid, RawValue: not null }).ToList())
        {
            if (entry is null || PropertyType(context.HandlerInstance.GetType(), key) is not { } type || (Nullable.GetUnderlyingType(type) ?? type) != typeof(bool)) continue;
            var sent = entry.AttemptedValue ?? "";
            state.Remove(key);
            state.AddModelError(key, $"Tick or untick the box: “{(sent.Length <= 40 ? sent : sent[..37] + "…")}” is not a yes or no.");
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }

    /// <summary>The type of the property a form field name such as "Input.Lines[2].Paid" binds to, or null.</summary>
    internal static Type? PropertyType(Type root, string key)
    {
        var type = root;
        foreach (var part in key.Split('.'))
        {
            var name = part.Split('[')[0];
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null) return null;
            type = property.PropertyType;
            if (part.Contains('[')) type = ElementType(type) ?? type;
        }
        return type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1]
        : null;
}
