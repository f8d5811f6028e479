using System.Buffers.Binary;

namespace Records.Core.Pdf;

/// <summary>
/// A TrueType font cut down to the glyphs a document draws. SkiaSharp's PDF backend embeds whole font files, and
/// DejaVu Sans is 700 KB a style: every other glyph keeps its id and advance but loses its outline, so the file that
/// gets embedded is mostly empty space that compresses to almost nothing.
/// </summary>
public static class FontSubset
{
    /// <summary>Tables a PDF viewer never reads: layout features, kerning, device metrics and the signature the cut would break.</summary>
    private static readonly HashSet<string> Dropped = ["GPOS", "GSUB", "GDEF", "BASE", "JSTF", "MATH", "kern", "hdmx", "VDMX", "LTSH", "DSIG", "PCLT", "FFTM", "morx", "feat"];

    private const ushort MoreComponents = 0x0020, ArgsAreWords = 0x0001, HasScale = 0x0008, HasXYScale = 0x0040, HasTwoByTwo = 0x0080;

    /// <summary>
    /// The font with only <paramref name="glyphs"/>, glyph 0 (.notdef) and the components of composite glyphs among
    /// them keeping their outlines and advances. Glyph ids, cmap and metrics tables stay as they are, so text lays
    /// out and maps back to Unicode exactly as in the full font.
    /// </summary>
    public static byte[] Keep(ReadOnlySpan<byte> font, IEnumerable<ushort> glyphs)
    {
        var tables = ReadTables(font);
        if (!tables.TryGetValue("glyf", out var glyf) || !tables.TryGetValue("loca", out var loca) || !tables.TryGetValue("head", out var head)
            || !tables.TryGetValue("maxp", out var maxp))
            throw new ArgumentException("Not a TrueType font with glyf outlines.", nameof(font));

        var longOffsets = BinaryPrimitives.ReadInt16BigEndian(font[(head.Offset + 50)..]) == 1;
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(font[(maxp.Offset + 4)..]);
        var offsets = new int[glyphCount + 1];
        for (var i = 0; i <= glyphCount; i++)
            offsets[i] = longOffsets
                ? (int)BinaryPrimitives.ReadUInt32BigEndian(font[(loca.Offset + 4 * i)..])
                : 2 * BinaryPrimitives.ReadUInt16BigEndian(font[(loca.Offset + 2 * i)..]);
        var outlines = font.Slice(glyf.Offset, glyf.Length);

        var kept = new bool[glyphCount];
        var pending = new Stack<ushort>(glyphs.Where(g => g < glyphCount).Append((ushort)0));
        while (pending.TryPop(out var glyph))
        {
            if (kept[glyph]) continue;
            kept[glyph] = true;
            foreach (var component in Components(outlines[offsets[glyph]..offsets[glyph + 1]]))
                if (component < glyphCount && !kept[component]) pending.Push(component);
        }

        var newGlyf = new MemoryStream();
        var newOffsets = new int[glyphCount + 1];
        for (var i = 0; i < glyphCount; i++)
        {
            newOffsets[i] = (int)newGlyf.Length;
            if (!kept[i] || offsets[i + 1] <= offsets[i]) continue;
            newGlyf.Write(outlines[offsets[i]..offsets[i + 1]]);
            while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);
        }
        newOffsets[glyphCount] = (int)newGlyf.Length;
        var writeLong = longOffsets || newGlyf.Length > 2 * ushort.MaxValue;
        var newLoca = new byte[(glyphCount + 1) * (writeLong ? 4 : 2)];
        for (var i = 0; i <= glyphCount; i++)
        {
            if (writeLong) BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * i), (uint)newOffsets[i]);
            else BinaryPrimitives.WriteUInt16BigEndian(newLoca.AsSpan(2 * i), (ushort)(newOffsets[i] / 2));
        }

        var newHead = font.Slice(head.Offset, head.Length).ToArray();
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), (short)(writeLong ? 1 : 0));
        BinaryPrimitives.WriteUInt32BigEndian(newHead.AsSpan(8), 0);

        var output = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (tag, table) in tables)
        {
            if (Dropped.Contains(tag)) continue;
            output[tag] = tag switch
            {
                "glyf" => newGlyf.ToArray(),
                "loca" => newLoca,
                "head" => newHead,
                "hmtx" => Metrics(font.Slice(table.Offset, table.Length), kept, tables.TryGetValue("hhea", out var hhea) ? BinaryPrimitives.ReadUInt16BigEndian(font[(hhea.Offset + 34)..]) : 0),
                "post" => PostWithoutNames(font.Slice(table.Offset, table.Length)),
                _ => font.Slice(table.Offset, table.Length).ToArray(),
            };
        }
        return Write(BinaryPrimitives.ReadUInt32BigEndian(font), output);
    }

    /// <summary>The glyph ids a composite glyph is built from; none for a simple glyph or an empty one.</summary>
    internal static IEnumerable<ushort> Components(ReadOnlySpan<byte> glyph)
    {
        var components = new List<ushort>();
        if (glyph.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(glyph) >= 0) return components;
        var at = 10;
        while (at + 4 <= glyph.Length)
        {
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[at..]);
            components.Add(BinaryPrimitives.ReadUInt16BigEndian(glyph[(at + 2)..]));
            at += 4 + ((flags & ArgsAreWords) != 0 ? 4 : 2);
            if ((flags & HasScale) != 0) at += 2;
            else if ((flags & HasXYScale) != 0) at += 4;
            else if ((flags & HasTwoByTwo) != 0) at += 8;
            if ((flags & MoreComponents) == 0) break;
        }
        return components;
    }

    /// <summary>
    /// Advances and side bearings of glyphs never drawn are zeroed so they compress away; a kept glyph's are untouched.
    /// </summary>
    private static byte[] Metrics(ReadOnlySpan<byte> hmtx, bool[] kept, int longMetrics)
    {
        var metrics = hmtx.ToArray();
        for (var i = 0; i < kept.Length; i++)
        {
            if (kept[i]) continue;
            var (at, size) = i < longMetrics ? (4 * i, 4) : (4 * longMetrics + 2 * (i - longMetrics), 2);
            if (at + size <= metrics.Length) metrics.AsSpan(at, size).Clear();
        }
        return metrics;
    }

    /// <summary>Version 3 of the post table: the same header without a name for each glyph, which PDF text never uses.</summary>
    private static byte[] PostWithoutNames(ReadOnlySpan<byte> post)
    {
        if (post.Length < 32) return post.ToArray();
        var header = post[..32].ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x00030000);
        return header;
    }

    private readonly record struct TableSpan(int Offset, int Length);

    private static Dictionary<string, TableSpan> ReadTables(ReadOnlySpan<byte> font)
    {
        if (font.Length < 12) throw new ArgumentException("Not a font file.", nameof(font));
        var version = BinaryPrimitives.ReadUInt32BigEndian(font);
        if (version != 0x00010000 && version != 0x74727565) throw new ArgumentException("Only TrueType outlines can be cut down.", nameof(font));
        var count = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var tables = new Dictionary<string, TableSpan>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.Slice(12 + 16 * i, 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            var (offset, length) = ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
            if (offset < 0 || length < 0 || offset + length > font.Length) throw new ArgumentException($"The {tag} table runs past the end of the font.", nameof(font));
            tables[tag] = new TableSpan(offset, length);
        }
        return tables;
    }

    private static byte[] Write(uint version, SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var power = 1;
        var log = 0;
        while (power * 2 <= count)
        {
            power *= 2;
            log++;
        }
        var headerLength = 12 + 16 * count;
        var total = headerLength + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var file = new byte[total];
        BinaryPrimitives.WriteUInt32BigEndian(file, version);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(6), (ushort)(power * 16));
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(10), (ushort)(count * 16 - power * 16));
        var offset = headerLength;
        var record = 12;
        var headOffset = -1;
        foreach (var (tag, data) in tables)
        {
            System.Text.Encoding.ASCII.GetBytes(tag, file.AsSpan(record, 4));
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(record + 4), Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(record + 8), (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(record + 12), (uint)data.Length);
            data.CopyTo(file, offset);
            if (tag == "head") headOffset = offset;
            offset += (data.Length + 3) & ~3;
            record += 16;
        }
        if (headOffset >= 0) BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(headOffset + 8), unchecked(0xB1B0AFBA - Checksum(file)));
        return file;
    }

    internal static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4) sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(data[i..]));
        if (i < data.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            data[i..].CopyTo(last);
            sum = unchecked(sum + BinaryPrimitives.ReadUInt32BigEndian(last));
        }
        return sum;
    }
}
