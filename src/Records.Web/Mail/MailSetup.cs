using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Records.Core.Mail;
using Records.Web.Infrastructure;

namespace Records.Web.Mail;

public static class MailSetup
{
    /// <summary>
    /// Binds <see cref="MailOptions"/> from <c>Records:Mail</c>, registers the sender (SMTP when a host is set,
    /// otherwise the pickup folder, by default <c>App_Data/mail-pickup</c> under the content root),
    /// <see cref="OutboxDelivery"/> and the <see cref="OutboxWorker"/>. <c>RecordsDbContext</c> is registered elsewhere.
    /// </summary>
    public static IServiceCollection AddRecordsMail(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<MailOptions>()
            .Bind(configuration.GetSection(MailOptions.Section))
            .PostConfigure(o =>
            {
                o.PickupFolder = string.IsNullOrWhiteSpace(o.PickupFolder)
                    ? Path.Combine(contentRoot, "App_Data", "mail-pickup")
                    : Path.GetFullPath(o.PickupFolder, contentRoot);
            });

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FirstRequest>();
        services.AddSingleton<IMailSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            return options.UsesSmtp
                ? new SmtpMailSender(options)
                : new PickupFolderMailSender(options.PickupFolder!, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new OutboxDelivery(
            sp.GetRequiredService<IOptions<MailOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OutboxDelivery>>()));
        services.AddHostedService<OutboxWorker>();
        return services;
    }
}
