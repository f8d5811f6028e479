using Records.Core.Calendar;
using Records.Core.People;

namespace Records.Core.Fellows;

public sealed record RosterLink(LinkKind Kind, string Url);

/// <summary>A row of an imported roster that can join the roster as it is. <c>Line</c> is where its record starts in the file.</summary>
public sealed record RosterRow(int Line, string Name, string? Email, int Year, int Quarter, FellowStatus Status, IReadOnlyList<RosterLink> Links)
{
    public YearQuarter YearQuarter => new(Year, Quarter);
}

/// <summary>A row that will not be imported, with the line where its record starts and every reason.</summary>
public sealed record RosterProblem(int Line, string Name, IReadOnlyList<string> Reasons)
{
    public string Reason => string.Join(" ", Reasons);
}

/// <summary>What an import would do: the rows to add, the rows that are wrong, the people already on the roster.</summary>
public sealed record RosterReport(IReadOnlyList<RosterRow> Rows, IReadOnlyList<RosterProblem> BadRows, IReadOnlyList<RosterProblem> AlreadyOnRoster);

/// <summary>The file as a whole cannot be read as a roster: empty, not text, or without the header.</summary>
public sealed class RosterFileException(string message) : Exception(message);
