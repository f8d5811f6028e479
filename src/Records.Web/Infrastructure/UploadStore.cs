using Microsoft.Extensions.Options;

namespace Records.Web.Infrastructure;

/// <summary>
/// Keeps an uploaded file between its dry run and its commit, so people commit exactly the bytes they checked
/// without choosing the file again (a browser cannot refill a file input). Files sit in the folder Records:UploadsPath
/// names (by default uploads/ beside the database file), named by an unguessable token, and are deleted after use or
/// refusal, or after a day.
/// </summary>
public sealed class UploadStore(DatabaseLocation database, IOptions<RecordsOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);
    private const int BufferSize = 81920;

    private string Folder => string.IsNullOrWhiteSpace(options.Value.UploadsPath)
        ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database.Path))!, "uploads")
        : Path.GetFullPath(options.Value.UploadsPath);

    /// <summary>Copies the upload to disk a buffer at a time; null, keeping nothing, when it is over <paramref name="maxBytes"/>.</summary>
    public async Task<string?> SaveAsync(Stream upload, long maxBytes, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Folder);
        RemoveExpired();
        var token = Guid.NewGuid().ToString("N");
        var path = PathOf(token);
        var tooLarge = false;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
        {
            var buffer = new byte[BufferSize];
            long total = 0;
            int read;
            while (!tooLarge && (read = await upload.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                tooLarge = total > maxBytes;
                if (!tooLarge) await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        if (!tooLarge) return token;
        File.Delete(path);
        return null;
    }

    /// <summary>The kept file, read forward; null when the token is not one of ours or the file is gone.</summary>
    public Stream? Open(string? token) =>
        IsToken(token) && File.Exists(PathOf(token!))
            ? new FileStream(PathOf(token!), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true)
            : null;

    public void Delete(string? token)
    {
        if (IsToken(token)) File.Delete(PathOf(token!));
    }

    // Only 32 hex digits can name a file, so a posted token can never reach outside the folder.
    private static bool IsToken(string? token) => token is { Length: 32 } && token.All(char.IsAsciiHexDigitLower);

    private string PathOf(string token) => Path.Combine(Folder, token + ".upload");

    /// <summary>
    /// At start only files older than <see cref="KeptFor"/> go: another instance of the app sharing the folder may be
    /// between the dry run and the commit of a newer one.
    /// </summary>
    public void SweepExpired()
    {
        if (Directory.Exists(Folder)) RemoveExpired();
    }

    private void RemoveExpired()
    {
        var cutOff = clock.GetUtcNow().UtcDateTime - KeptFor;
        foreach (var old in new DirectoryInfo(Folder).EnumerateFiles("*.upload").Where(f => f.LastWriteTimeUtc < cutOff))
        {
            try { old.Delete(); } catch (IOException) { }
        }
    }
}
