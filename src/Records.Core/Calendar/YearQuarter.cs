using System.Globalization;
using System.Text.RegularExpressions;

namespace Records.Core.Calendar;

/// <summary>
/// A quarter of a year: a nomination round, the quarter Fellows are inducted in, an award's quarter, a quarterly
/// report. Rounds take nominations until the cut-off, the 20th of the quarter's second month (inclusive), and are
/// reviewed until the 20th of its third month.
/// </summary>
public readonly partial record struct YearQuarter(int Year, int Quarter) : IComparable<YearQuarter>
{
    /// <summary>The day of the month of the cut-off and of the end of review.</summary>
    public const int RoundDay = 20;

    public static YearQuarter Of(DateOnly date) => new(date.Year, (date.Month - 1) / 3 + 1);

    /// <summary>"Q1 2026": how rounds, reports and posts name a quarter.</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"Q{Quarter} {Year}");

    /// <summary>"2026 Q1": how awards and the roster name it, listed by year.</summary>
    public string YearFirstName => string.Create(CultureInfo.InvariantCulture, $"{Year} Q{Quarter}");

    public override string ToString() => Name;

    public YearQuarter Next => Quarter == 4 ? new(Year + 1, 1) : new(Year, Quarter + 1);

    public YearQuarter Previous => Quarter == 1 ? new(Year - 1, 4) : new(Year, Quarter - 1);

    /// <summary>This quarter moved on by <paramref name="quarters"/> (back when negative).</summary>
    public YearQuarter Plus(int quarters)
    {
        var index = Index + quarters;
        return new(index / 4, index % 4 + 1);
    }

    /// <summary>How many quarters <paramref name="later"/> comes after this one: 3 from Q3 2025 to Q2 2026.</summary>
    public int QuartersUntil(YearQuarter later) => later.Index - Index;

    public DateOnly FirstDay => new(Year, (Quarter - 1) * 3 + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    /// <summary>The last day a round takes nominations, unless the Chair moves it.</summary>
    public DateOnly CutOff => new(Year, (Quarter - 1) * 3 + 2, RoundDay);

    public DateOnly ReviewEnds => new(Year, (Quarter - 1) * 3 + 3, RoundDay);

    /// <summary>Reads "Q1 2020" (as the quarter lists offer it) or "2020-1"; false for anything else.</summary>
    public static bool TryParse(string? text, out YearQuarter quarter)
    {
        var match = Written().Match(text?.Trim() ?? "");
        quarter = match.Success
            ? new(Number(match.Groups["y1"].Success ? match.Groups["y1"] : match.Groups["y2"]), Number(match.Groups["q1"].Success ? match.Groups["q1"] : match.Groups["q2"]))
            : default;
        return match.Success;
    }

    public int CompareTo(YearQuarter other) => Index.CompareTo(other.Index);

    public static bool operator <(YearQuarter left, YearQuarter right) => left.CompareTo(right) < 0;
    public static bool operator >(YearQuarter left, YearQuarter right) => left.CompareTo(right) > 0;
    public static bool operator <=(YearQuarter left, YearQuarter right) => left.CompareTo(right) <= 0;
    public static bool operator >=(YearQuarter left, YearQuarter right) => left.CompareTo(right) >= 0;

    private int Index => Year * 4 + Quarter - 1;

    private static int Number(Group group) => int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:[Qq](?<q1>[1-4])\s+(?<y1>(?:19|20)\d\d)|(?<y2>(?:19|20)\d\d)-(?<q2>[1-4]))$")]
    private static partial Regex Written();
}
