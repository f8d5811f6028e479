using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Records.Core.Mail;

public sealed class SmtpMailSender(MailOptions options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var host = options.Host;
        if (string.IsNullOrWhiteSpace(host)) throw new InvalidOperationException("SmtpMailSender needs Records:Mail:Host.");

        using var client = new SmtpClient { Timeout = 30_000 };
        var security = options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await client.ConnectAsync(host, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
