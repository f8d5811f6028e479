namespace Records.Core.Mail;

/// <summary>Mail settings, bound from the configuration section <c>Records:Mail</c>.</summary>
public sealed class MailOptions
{
    public const string Section = "Records:Mail";

    /// <summary>SMTP host; when empty, messages are written as .eml files to <see cref="PickupFolder"/>.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool UseStartTls { get; set; }
    public string From { get; set; } = "Records <records@localhost>";
    public string? PickupFolder { get; set; }
    public int RetryBaseSeconds { get; set; } = 30;
    public int RetryMaxSeconds { get; set; } = 3600;
    public int PollSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 20;
    /// <summary>How long an instance's claim on a message it is sending lasts; longer than any one send can take.</summary>
    public int ClaimSeconds { get; set; } = 600;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Host);
}
