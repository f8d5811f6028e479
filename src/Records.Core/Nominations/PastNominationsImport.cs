using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Records.Core.Calendar;
using Records.Core.Data;
using Records.Core.Fellows;
using Records.Core.People;

namespace Records.Core.Nominations;

/// <summary>
/// Brings in the rounds a foundation decided before it used Records: a CSV of past nominations, one a line, with the
/// columns year, quarter, nominee, nominator and outcome (and optionally nominee_email, nominator_email, statement,
/// received). A dry run reports every bad row with its line; the commit adds the good rows in one transaction: each
/// quarter's round (closed, on the calendar's dates) if it is missing, its nominations with their outcome, and every
/// accepted nominee on the roster with that quarter as the quarter inducted.
/// </summary>
public static class PastNominationsImport
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["year", "quarter", "nominee", "nominator", "outcome"];
    private static readonly string[] AllColumns = ["year", "quarter", "nominee", "nominator", "outcome", "nominee_email", "nominator_email", "statement", "received"];
    private const int MaxRecordBytes = 64 * 1024;

    public sealed record Row(int Line, int Year, int Quarter, string Nominee, string? NomineeEmail, string Nominator, string? NominatorEmail,
        string Statement, NominationStatus Outcome, DateOnly? Received)
    {
        public YearQuarter YearQuarter => new(Year, Quarter);
    }

    public sealed record Report(IReadOnlyList<Row> Rows, IReadOnlyList<RosterProblem> BadRows)
    {
        public int Accepted => Rows.Count(r => r.Outcome == NominationStatus.Accepted);
        public IReadOnlyList<string> Quarters => [.. Rows.Select(r => r.YearQuarter).Distinct().Order().Select(q => q.Name)];
    }

    /// <summary>What the records already hold that decides a row: rounds still running, and the roster.</summary>
    public sealed record Existing(IReadOnlyDictionary<YearQuarter, RoundStatus> Rounds, ExistingRoster Roster)
    {
        public static async Task<Existing> LoadAsync(RecordsDbContext db, CancellationToken ct = default) =>
            new(await db.Rounds.AsNoTracking().ToDictionaryAsync(r => new YearQuarter(r.Year, r.Quarter), r => r.Status, ct), await ExistingRoster.LoadAsync(db, ct));
    }

    public static async Task<Report> ReadAsync(Stream csv, Existing existing, DateOnly today, CancellationToken ct = default)
    {
        var options = CsvReaderOptions.Default with { Separator = ',', TrackLineNumbers = true, MaxRecordSize = MaxRecordBytes };
        await using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        try
        {
            await reader.ReadHeaderAsync(ct);
            var headers = reader.Headers;
            if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace)) throw new RosterFileException("The file is empty.");
            int Index(string name) => reader.TryGetFieldIndex(name, out var i) ? i : -1;
            var missing = RequiredColumns.Where(c => Index(c) < 0).ToList();
            if (missing.Count > 0)
            {
                throw new RosterFileException(
                    $"The first line must name the columns {string.Join(",", RequiredColumns)} (nominee_email, nominator_email, statement and received may be added). This file's first line lacks {string.Join(", ", missing)}.");
            }
            var columns = AllColumns.Select(Index).ToArray();
            var rows = new List<Row>();
            var bad = new List<RosterProblem>();
            var accepted = new SamePerson<int>();
            var read = 0;
            while (await reader.ReadAsync(ct))
            {
                string Field(int column) => columns[column] >= 0 && columns[column] < reader.FieldCount ? (reader.GetString(columns[column]) ?? "").Trim() : "";
                var fields = Enumerable.Range(0, columns.Length).Select(Field).ToArray();
                if (fields.All(f => f.Length == 0)) continue;
                read++;
                var line = (int)reader.LineNumber;
                var (row, reasons) = Check(line, fields, existing, today);
                if (row is { Outcome: NominationStatus.Accepted })
                {
                    if (existing.Roster.Find(row.Nominee, row.NomineeEmail) is { } fellow) reasons.Add($"{row.Nominee} is already on the roster ({fellow.YearQuarter.YearFirstName}).");
                    else if (accepted.TryFind(row.Nominee, row.NomineeEmail, out var earlier)) reasons.Add($"{row.Nominee} was accepted already on line {earlier}.");
                    else accepted.Add(row.Nominee, row.NomineeEmail, line);
                }
                if (reasons.Count > 0) bad.Add(new RosterProblem(line, fields[2], reasons));
                else rows.Add(row!);
            }
            if (read == 0) throw new RosterFileException("The file has its header but no rows under it.");
            return new Report(rows, bad);
        }
        catch (CsvFormatException e)
        {
            throw new RosterFileException(e.LineNumber > 0
                ? $"The file cannot be read from line {e.LineNumber} on: a record is over {MaxRecordBytes / 1024} KB, most likely a quote mark that is never closed."
                : "The file cannot be read as CSV.");
        }
    }

    private static (Row? Row, List<string> Reasons) Check(int line, string[] f, Existing existing, DateOnly today)
    {
        var (yearText, quarterText, nominee, nominator, outcomeText, nomineeEmail, nominatorEmail, statement, receivedText) = (f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
        var reasons = new List<string>();
        int year = 0, quarter = 0;
        if (yearText.Length == 0) reasons.Add("The year is missing.");
        else if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year)) reasons.Add($"The year '{yearText}' is not a number.");
        else if (year < RosterImport.FirstYear || year > today.Year + 1) { reasons.Add($"The year {year} is not between {RosterImport.FirstYear} and {today.Year + 1}."); year = 0; }
        if (quarterText.Length == 0) reasons.Add("The quarter is missing.");
        else if (quarterText is not ("1" or "2" or "3" or "4")) reasons.Add($"The quarter '{quarterText}' is not 1, 2, 3 or 4.");
        else quarter = int.Parse(quarterText, CultureInfo.InvariantCulture);

        if (year > 0 && quarter > 0)
        {
            var round = new YearQuarter(year, quarter);
            if (round.ReviewEnds >= today) reasons.Add($"{round.Name} is still under way (review ends {round.ReviewEnds:MMM d, yyyy}): its outcome is decided in Records, not recorded afterwards.");
            else if (existing.Rounds.TryGetValue(round, out var status) && status != RoundStatus.Closed)
                reasons.Add($"The {round.Name} round is {status.ToString().ToLowerInvariant()} in Records: close it before adding past nominations to it.");
        }

        if (nominee.Length == 0) reasons.Add("The nominee is missing.");
        else if (nominee.Length > 200) reasons.Add("The nominee's name is longer than 200 characters.");
        if (nominator.Length == 0) reasons.Add("The nominator is missing.");
        else if (nominator.Length > 200) reasons.Add("The nominator's name is longer than 200 characters.");
        if (nomineeEmail.Length > 0 && !IsEmail(nomineeEmail)) reasons.Add($"The nominee's email '{nomineeEmail}' is not an email address.");
        if (nominatorEmail.Length > 0 && !IsEmail(nominatorEmail)) reasons.Add($"The nominator's email '{nominatorEmail}' is not an email address.");
        if (statement.Length > 20000) reasons.Add("The statement is longer than 20,000 characters.");

        NominationStatus? outcome = outcomeText.ToLowerInvariant() switch
        {
            "accepted" => NominationStatus.Accepted,
            "not accepted" => NominationStatus.NotAccepted,
            "withdrawn" => NominationStatus.Withdrawn,
            "expired" => NominationStatus.Expired,
            _ => null,
        };
        if (outcomeText.Length == 0) reasons.Add("The outcome is missing.");
        else if (outcome is null) reasons.Add($"The outcome '{outcomeText}' is not one of accepted, not accepted, withdrawn or expired.");

        DateOnly? received = null;
        if (receivedText.Length > 0)
        {
            if (!DateOnly.TryParseExact(receivedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) reasons.Add($"The date received '{receivedText}' is not a date like 2019-02-14.");
            else if (year > 0 && quarter > 0 && day > new YearQuarter(year, quarter).CutOff) reasons.Add($"The nomination was received on {day:MMM d, yyyy}, after the {new YearQuarter(year, quarter).Name} cut-off.");
            else if (day.Year < RosterImport.FirstYear) reasons.Add($"The date received {day:MMM d, yyyy} is before {RosterImport.FirstYear}.");
            else received = day;
        }
        if (reasons.Count > 0) return (null, reasons);
        return (new Row(line, year, quarter, nominee, Empty(nomineeEmail), nominator, Empty(nominatorEmail), statement.Replace("\r\n", "\n"), outcome!.Value, received), reasons);
    }

    /// <summary>Adds the rows of a report read in the same transaction; returns how many nominations were added.</summary>
    public static async Task<int> CommitAsync(RecordsDbContext db, Report report, DateTime now, CancellationToken ct = default)
    {
        if (report.Rows.Count == 0) return 0;
        var quarters = report.Rows.Select(r => r.YearQuarter).Distinct().ToList();
        var years = quarters.Select(q => q.Year).Distinct().ToList();
        var rounds = (await db.Rounds.Where(r => years.Contains(r.Year)).ToListAsync(ct)).ToDictionary(r => r.YearQuarter);
        foreach (var quarter in quarters.Where(q => !rounds.ContainsKey(q)))
        {
            var round = new Round
            {
                Year = quarter.Year, Quarter = quarter.Quarter, CutOff = quarter.CutOff, ReviewEnds = quarter.ReviewEnds,
                Status = RoundStatus.Closed, ClosedAt = Noon(quarter.ReviewEnds),
            };
            db.Rounds.Add(round);
            rounds[quarter] = round;
        }
        await db.SaveChangesAsync(ct);

        var emails = report.Rows.Where(r => r.NomineeEmail is not null).Select(r => r.NomineeEmail!.ToLowerInvariant()).Distinct().ToList();
        var people = emails.Count == 0 ? [] : await db.People.Where(p => p.Email != null && emails.Contains(p.Email.ToLower())).OrderBy(p => p.Id).ToListAsync(ct);
        var byEmail = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in people) byEmail.TryAdd(person.Email!, person);
        var last = await db.Fellows.Where(f => years.Contains(f.Year)).GroupBy(f => new { f.Year, f.Quarter })
            .Select(g => new { g.Key.Year, g.Key.Quarter, Position = g.Max(f => f.Position) })
            .ToDictionaryAsync(q => (q.Year, q.Quarter), q => q.Position, ct);

        foreach (var row in report.Rows)
        {
            if (row.NomineeEmail is null || !byEmail.TryGetValue(row.NomineeEmail, out var nominee))
            {
                nominee = new Person { Name = row.Nominee, Email = row.NomineeEmail, CreatedAt = now };
                db.People.Add(nominee);
                if (row.NomineeEmail is not null) byEmail[row.NomineeEmail] = nominee;
            }
            var round = rounds[row.YearQuarter];
            var nomination = new Nomination
            {
                Round = round, FirstRoundId = round.Id, Nominee = nominee,
                NominatorName = row.Nominator, NominatorEmail = row.NominatorEmail ?? "", Statement = row.Statement,
                ReceivedAt = Noon(row.Received ?? round.CutOff), Status = row.Outcome, DecidedAt = Noon(round.ReviewEnds),
            };
            db.Nominations.Add(nomination);
            if (row.Outcome != NominationStatus.Accepted) continue;
            var position = last.TryGetValue((row.Year, row.Quarter), out var previous) ? previous + 1 : 0;
            last[(row.Year, row.Quarter)] = position;
            db.Fellows.Add(new Fellow { Person = nominee, Year = row.Year, Quarter = row.Quarter, Position = position, Status = FellowStatus.Active, Nomination = nomination });
        }
        return report.Rows.Count;
    }

    private static DateTime Noon(DateOnly day) => day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static bool IsEmail(string text) => EmailRule.IsValid(text);
}
