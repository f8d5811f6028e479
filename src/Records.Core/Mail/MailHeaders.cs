namespace Records.Core.Mail;

/// <summary>Keeps header values on one line, so user input can never inject another header.</summary>
public static class MailHeaders
{
    public static string SingleLine(string value) =>
        string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string Address(string value) => SingleLine(value).Trim();
}
