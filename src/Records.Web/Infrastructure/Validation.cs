using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Records.Web.Infrastructure;

public static class Validation
{
    /// <summary>
    /// Puts the validator's messages beside their fields (under the input model's prefix). False also when a value
    /// did not bind (see <see cref="BindingErrors"/>): the form is refused, never saved with a default in its place.
    /// </summary>
    public static bool AddErrors(this ModelStateDictionary modelState, ValidationResult result, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(string.IsNullOrEmpty(error.PropertyName) ? prefix : $"{prefix}.{error.PropertyName}", error.ErrorMessage);
        }
        return result.IsValid && modelState.ErrorCount == 0;
    }
}

public static class PageResults
{
    /// <summary>Re-renders the page with its messages and a 400, so bad input is never reported as success.</summary>
    public static Microsoft.AspNetCore.Mvc.RazorPages.PageResult Invalid(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page) =>
        page.WithStatus(StatusCodes.Status400BadRequest);

    /// <summary>Re-renders the page with the given status: a conflict or a refusal shown above the form, never a success.</summary>
    public static Microsoft.AspNetCore.Mvc.RazorPages.PageResult WithStatus(this Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, int status)
    {
        var result = page.Page();
        result.StatusCode = status;
        return result;
    }
}

public static class MoneyRules
{
    /// <summary>The field holds an amount in the currency <paramref name="currency"/> gives; otherwise the reading's own message ("JPY has no minor unit: …").</summary>
    public static IRuleBuilderOptions<T, string?> IsAmountIn<T>(this IRuleBuilder<T, string?> rule, Func<T, string> currency) =>
        rule.Must((x, text, context) =>
        {
            var reading = Core.Amounts.MoneyText.Read(text, currency(x));
            if (reading.Error is { } error) context.MessageFormatter.AppendArgument("Reading", error);
            return reading.IsAmount;
        }).WithMessage("{Reading}");
}
