using System.Net.Mail;
using FluentValidation;

namespace Records.Core.People;

/// <summary>
/// What Records takes as an email address, the same in every form and import: one plain address (no name, no list),
/// at most 254 characters as mail servers allow, a domain with a dot, nothing a mail header could be bent with.
/// </summary>
public static class EmailRule
{
    public const int MaxLength = 254;

    public static readonly string TooLong = $"Keep the email address to {MaxLength} characters.";

    public static bool IsValid(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength) return false;
        if (text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or ';' or '"' or '<' or '>' or '(' or ')' or '[' or ']' or '\\')) return false;
        var at = text.IndexOf('@');
        if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1) return false;
        var domain = text[(at + 1)..];
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.StartsWith('-') || text.Contains("..")) return false;
        return MailAddress.TryCreate(text, out var address) && address.Address == text && address.DisplayName.Length == 0;
    }

    /// <summary>The rule for a form field that must hold an address.</summary>
    public static IRuleBuilderOptions<T, string> IsEmail<T>(this IRuleBuilder<T, string> rule) => rule.Must(IsValid);

    /// <summary>The rule for a field that may be left empty or hold an address.</summary>
    public static IRuleBuilderOptions<T, string?> IsEmailOrEmpty<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => string.IsNullOrWhiteSpace(text) || IsValid(text.Trim()));
}
