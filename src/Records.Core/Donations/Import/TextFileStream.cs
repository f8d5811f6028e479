using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Records.Core.Donations.Import;

/// <summary>
/// Reads an uploaded file forward while checking, a buffer at a time, that it is UTF-8 text (no NUL bytes, no invalid
/// sequences), counting the bytes for progress and hashing them, so a file is never held whole in memory to be checked.
/// </summary>
public sealed class TextFileStream(Stream inner, ImportProgress? progress = null) : Stream
{
    private readonly Decoder decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
    private readonly char[] decoded = new char[4096];
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long position;
    private bool finished;

    public const string NotText = "This is not a CSV text file. Export the payments from the processor as CSV (comma-separated values).";

    public long BytesRead => position;

    /// <summary>SHA-256 of the bytes read, hex, once the whole file has been read.</summary>
    public string? Sha256 { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Check(buffer[..read], end: read == 0 && !buffer.IsEmpty);
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Check(buffer.Span[..read], end: read == 0 && !buffer.IsEmpty);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void Check(ReadOnlySpan<byte> bytes, bool end)
    {
        if (finished) return;
        if (bytes.IndexOf((byte)0) >= 0) throw new DonationFileException(NotText);
        // Converted, not counted: only Convert keeps a letter's first bytes for the next read, so a letter split
        // between two reads is one letter and not two bad bytes.
        var rest = bytes;
        try
        {
            do
            {
                decoder.Convert(rest, decoded, flush: end, out var used, out _, out _);
                rest = rest[used..];
            }
            while (!rest.IsEmpty);
        }
        catch (DecoderFallbackException e)
        {
            // A bad sequence begun in an earlier read has a negative index: it counts back from this read's first byte.
            throw new DonationFileException(string.Create(CultureInfo.InvariantCulture,
                $"The file is not UTF-8 text (byte {Math.Max(1, position + (bytes.Length - rest.Length) + e.Index + 1):#,0} is not UTF-8; Latin-1 or Windows-1252 perhaps). Export it again as UTF-8, or save it from your spreadsheet as \"CSV UTF-8\"."));
        }
        hash.AppendData(bytes);
        position += bytes.Length;
        progress?.Bytes(position);
        if (end)
        {
            finished = true;
            Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) hash.Dispose();
        base.Dispose(disposing);
    }
}
