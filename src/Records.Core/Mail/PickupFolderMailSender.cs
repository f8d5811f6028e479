using System.Globalization;
using MimeKit;

namespace Records.Core.Mail;

/// <summary>Writes each message as <c>&lt;timestamp&gt;-&lt;guid&gt;.eml</c> into a folder instead of sending it.</summary>
public sealed class PickupFolderMailSender(string folder, TimeProvider? clock = null) : IMailSender
{
    private static readonly FormatOptions Format = CreateFormat();

    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var stamp = (clock ?? TimeProvider.System).GetUtcNow().ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        var name = $"{stamp}-{Guid.NewGuid():N}.eml";
        // Written under another name first, so whatever watches the folder never reads half a message.
        var partial = Path.Combine(Folder, name + ".partial");
        await message.WriteToAsync(Format, partial, cancellationToken);
        File.Move(partial, Path.Combine(Folder, name));
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
