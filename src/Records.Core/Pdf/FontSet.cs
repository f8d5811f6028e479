using System.Runtime.InteropServices;
using SkiaSharp;

namespace Records.Core.Pdf;

/// <summary>Raised when no font can be found that draws the foundation's names; its message says what to install.</summary>
public sealed class FontsMissingException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The typefaces documents are set in, found through fontconfig (the Debian images carry DejaVu). The PDF backend's
/// own native build has no font manager, so the files fontconfig chooses are loaded directly.
/// </summary>
public sealed class FontSet
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
