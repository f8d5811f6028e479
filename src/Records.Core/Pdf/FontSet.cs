using System.Collections.Concurrent;
using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Records.Core.Pdf;

/// <summary>Raised when no font can be found that draws the foundation's names; its message says what to install.</summary>
public sealed class FontsMissingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The typefaces documents are set in, found through fontconfig (the Debian images carry DejaVu). The PDF backend's
/// own native build has no font manager, so the files fontconfig chooses are loaded directly.
/// </summary>
public sealed partial class FontSet
{
    /// <summary>Names with letters outside ASCII must come back as written: a font without them is not usable.</summary>
    public const string Probe = "ŁłéüßČ";
    public const string DebianPackage = "fonts-dejavu-core";

    private static readonly string[] Families = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "sans-serif"];
    private static readonly Lazy<FontSet> System = new(() => Resolve(Families));

    public required SKTypeface Regular { get; init; }
    public required SKTypeface Bold { get; init; }
    public required SKTypeface Italic { get; init; }
    public required SKTypeface BoldItalic { get; init; }
    /// <summary>The files behind the four typefaces, so charts can be set in the same type.</summary>
    public required IReadOnlyList<(string File, bool Bold, bool Italic)> Files { get; init; }

    public static FontSet Default => System.Value;

    public const string ChartFamily = "Records Sans";
    private static readonly Lock ChartLock = new();
    private static bool chartsReady;

    /// <summary>Charts draw their labels with ScottPlot's own font lookup; point it at the same files once.</summary>
    public void UseForCharts()
    {
        lock (ChartLock)
        {
            if (chartsReady) return;
            foreach (var (file, bold, italic) in Files) ScottPlot.Fonts.AddFontFile(ChartFamily, file, bold, italic);
            ScottPlot.Fonts.Default = ChartFamily;
            chartsReady = true;
        }
    }

    /// <summary>What one document lays out, so that it embeds subsets of the fonts rather than whole files.</summary>
    private DocumentGlyphs? document;

    /// <summary>
    /// These fonts for one document: text and charts laid out with them are noted, and <see cref="Embed"/> then
    /// switches everything laid out to fonts cut down to the glyphs noted.
    /// </summary>
    public FontSet ForDocument() =>
        new() { Regular = Regular, Bold = Bold, Italic = Italic, BoldItalic = BoldItalic, Files = Files, document = new DocumentGlyphs() };

    public SKFont Font(bool bold, bool italic, float size)
    {
        var typeface = For(bold, italic);
        var font = new SKFont(typeface, size) { Subpixel = true };
        document?.Fonts.Add(font, typeface);
        return font;
    }

    /// <summary>Notes that <paramref name="text"/> is drawn in <paramref name="font"/>.</summary>
    public void Note(SKFont font, string text)
    {
        if (document is null) return;
        var typeface = document.Fonts.TryGetValue(font, out var known) ? known : font.Typeface;
        document.Note(typeface, text);
    }

    /// <summary>Notes every label a chart draws at this size, as its SVG rendering spells them out.</summary>
    public void Note(ScottPlot.Plot plot, int width, int height)
    {
        if (document is null) return;
        document.Plots.Add(plot);
        var svg = plot.GetSvgXml(width, height);
        var text = string.Concat(SvgText().Matches(svg).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        document.Note(Regular, text);
        document.Note(Bold, text);
    }

    [GeneratedRegex("<text[^>]*>(.*?)</text>", RegexOptions.Singleline)]
    private static partial Regex SvgText();

    /// <summary>
    /// Cuts each font down to the glyphs noted and draws what was laid out with the cut fonts. Charts are pointed at
    /// them under a name made from the glyphs: ScottPlot caches a typeface by name for good, so documents with charts
    /// and the same letters share one set of cut fonts (a few tens of KB each) rather than each adding its own.
    /// </summary>
    public void Embed()
    {
        if (document is null || document.Codepoints.Count == 0) return;
        var styles = Files.Select(f => (f.File, Typeface: For(f.Bold, f.Italic))).DistinctBy(s => s.Typeface).ToList();
        var used = styles.Where(s => document.Codepoints.ContainsKey(s.Typeface)).ToList();
        var glyphs = string.Join("\n", used.Select(s => s.File + "\t" + string.Join(",", document.Codepoints[s.Typeface].Order())));
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(glyphs)))[..16];
        var family = $"{ChartFamily} {key}";
        var subsets = document.Plots.Count > 0
            ? ChartFonts.GetOrAdd(family, _ => new ChartSubsets(this, Cut(used, document))).Subsets
            : Cut(used, document);
        foreach (var (font, typeface) in document.Fonts)
            if (subsets.TryGetValue(typeface, out var subset)) font.Typeface = subset;
        if (document.Plots.Count == 0) return;
        UseSubsetsForCharts();
        foreach (var plot in document.Plots)
        {
            plot.Axes.Title.Label.FontName = family;
            foreach (var axis in plot.Axes.GetAxes())
            {
                axis.Label.FontName = family;
                axis.TickLabelStyle.FontName = family;
            }
            plot.Legend.FontName = family;
        }
    }

    private static Dictionary<SKTypeface, SKTypeface> Cut(List<(string File, SKTypeface Typeface)> used, DocumentGlyphs document)
    {
        var subsets = new Dictionary<SKTypeface, SKTypeface>(ReferenceEqualityComparer.Instance);
        foreach (var (file, typeface) in used)
        {
            var text = string.Concat(document.Codepoints[typeface].Select(char.ConvertFromUtf32));
            using var font = new SKFont(typeface);
            try
            {
                var bytes = FontSubset.Keep(FileBytes.GetOrAdd(file, File.ReadAllBytes), font.GetGlyphs(text));
                if (SKTypeface.FromData(SKData.CreateCopy(bytes)) is { } subset) subsets[typeface] = subset;
            }
            catch (ArgumentException)
            {
                // A collection, CFF outlines or a damaged file: the document embeds that font whole, as it always could.
            }
        }
        return subsets;
    }

    private static readonly ConcurrentDictionary<string, byte[]> FileBytes = new(StringComparer.Ordinal);
    private sealed record ChartSubsets(FontSet Fonts, Dictionary<SKTypeface, SKTypeface> Subsets);
    private static readonly ConcurrentDictionary<string, ChartSubsets> ChartFonts = new(StringComparer.Ordinal);
    private static bool subsetResolverReady;

    private static void UseSubsetsForCharts()
    {
        lock (ChartLock)
        {
            if (subsetResolverReady) return;
            ScottPlot.Fonts.FontResolvers.Insert(0, new SubsetResolver());
            subsetResolverReady = true;
        }
    }

    private sealed class SubsetResolver : ScottPlot.IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
            CreateTypeface(fontName, (int)weight >= 600, slant != ScottPlot.FontSlant.Upright);

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
        {
            if (!ChartFonts.TryGetValue(fontName, out var chart)) return null;
            var full = chart.Fonts.For(bold, italic);
            return chart.Subsets.GetValueOrDefault(full, full);
        }
    }

    private sealed class DocumentGlyphs
    {
        public Dictionary<SKFont, SKTypeface> Fonts { get; } = new(ReferenceEqualityComparer.Instance);
        public Dictionary<SKTypeface, HashSet<int>> Codepoints { get; } = new(ReferenceEqualityComparer.Instance);
        public List<ScottPlot.Plot> Plots { get; } = [];

        public void Note(SKTypeface typeface, string text)
        {
            if (!Codepoints.TryGetValue(typeface, out var set)) Codepoints[typeface] = set = [];
            foreach (var rune in text.EnumerateRunes()) set.Add(rune.Value);
        }
    }

    public SKTypeface For(bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => BoldItalic,
        (true, false) => Bold,
        (false, true) => Italic,
        _ => Regular,
    };

    /// <summary>The first family fontconfig maps to a file that draws <see cref="Probe"/>; otherwise a message naming the package.</summary>
    public static FontSet Resolve(IEnumerable<string> families, Func<string, string?>? match = null)
    {
        match ??= FontConfig.Match;
        foreach (var family in families)
        {
            var regularFile = match($"{family}:style=Book") ?? match(family);
            var regular = Load(regularFile);
            if (regular is null) continue;
            var (boldFile, italicFile, boldItalicFile) = (match($"{family}:weight=bold"), match($"{family}:slant=oblique"), match($"{family}:weight=bold:slant=oblique"));
            var (bold, italic, boldItalic) = (Load(boldFile), Load(italicFile), Load(boldItalicFile));
            return new FontSet
            {
                Regular = regular,
                Bold = bold ?? regular,
                Italic = italic ?? regular,
                BoldItalic = boldItalic ?? regular,
                Files =
                [
                    (regularFile!, false, false), (bold is null ? regularFile! : boldFile!, true, false),
                    (italic is null ? regularFile! : italicFile!, false, true), (boldItalic is null ? regularFile! : boldItalicFile!, true, true),
                ],
            };
        }
        throw new FontsMissingException(
            $"No usable font was found through fontconfig for {string.Join(", ", families)}. Install the Debian package {DebianPackage} (apt-get install {DebianPackage}).");
    }

    private static SKTypeface? Load(string? file)
    {
        if (file is null || !File.Exists(file)) return null;
        var typeface = SKTypeface.FromFile(file);
        if (typeface is null) return null;
        using var font = new SKFont(typeface);
        return font.ContainsGlyphs(Probe) ? typeface : null;
    }

    /// <summary>fontconfig's own matching, as <c>fc-match</c> does it, through libfontconfig.</summary>
    internal static class FontConfig
    {
        private const string Library = "libfontconfig.so.1";
        private static readonly Lazy<IntPtr> Config = new(() =>
        {
            try
            {
                return FcInitLoadConfigAndFonts();
            }
            catch (DllNotFoundException e)
            {
                throw new FontsMissingException($"fontconfig is not installed. Install the Debian packages fontconfig and {DebianPackage} (apt-get install fontconfig {DebianPackage}).", e);
            }
        });

        public static string? Match(string name)
        {
            var config = Config.Value;
            var pattern = FcNameParse(name);
            if (pattern == IntPtr.Zero) return null;
            try
            {
                _ = FcConfigSubstitute(config, pattern, 0);
                FcDefaultSubstitute(pattern);
                var font = FcFontMatch(config, pattern, out var result);
                if (font == IntPtr.Zero || result != 0) return null;
                try
                {
                    return FcPatternGetString(font, "file", 0, out var file) == 0 ? Marshal.PtrToStringUTF8(file) : null;
                }
                finally
                {
                    FcPatternDestroy(font);
                }
            }
            finally
            {
                FcPatternDestroy(pattern);
            }
        }

        [DllImport(Library)] private static extern IntPtr FcInitLoadConfigAndFonts();
        [DllImport(Library)] private static extern IntPtr FcNameParse([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
        [DllImport(Library)] private static extern int FcConfigSubstitute(IntPtr config, IntPtr pattern, int kind);
        [DllImport(Library)] private static extern void FcDefaultSubstitute(IntPtr pattern);
        [DllImport(Library)] private static extern IntPtr FcFontMatch(IntPtr config, IntPtr pattern, out int result);
        [DllImport(Library)] private static extern int FcPatternGetString(IntPtr pattern, [MarshalAs(UnmanagedType.LPUTF8Str)] string name, int index, out IntPtr value);
        [DllImport(Library)] private static extern void FcPatternDestroy(IntPtr pattern);
    }
}
