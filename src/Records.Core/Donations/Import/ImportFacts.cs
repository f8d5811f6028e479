namespace Records.Core.Donations.Import;

/// <summary>A row shown on the dry run as its date was read, beside the day the other order would give.</summary>
public sealed record DateSample(int Line, string Written, DateOnly ReadAs, DateOnly OtherWay, string Amount, string? Donor);

/// <summary>
/// How a file's dates written with the year last were read: in which order, what settled it, and whether a person
/// must still confirm it because every such date could be read either way.
/// </summary>
public sealed class DateReading
{
    public DateOrder Order { get; init; }
    /// <summary>The date that can only be read one way and so settles the order for the whole file.</summary>
    public ImportProblem? SettledBy { get; init; }
    /// <summary>Dates that give a different day in each order.</summary>
    public int EitherWay { get; init; }
    /// <summary>True once a person has confirmed or switched the order on the dry run.</summary>
    public bool Confirmed { get; init; }
    public bool NeedsConfirmation => SettledBy is null && EitherWay > 0 && !Confirmed;
    public List<DateSample> Samples { get; private init; } = [];

    internal DateReading Confirm() => new() { Order = Order, SettledBy = SettledBy, EitherWay = EitherWay, Confirmed = true, Samples = Samples };

    /// <summary>"Dates are read day first (DD/MM/YYYY): line 7 has 25/04/2025, which can only be read that way."</summary>
    public string Explanation => SettledBy is { } settled
        ? $"Dates are read {ImportLayout.Describe(Order)}: line {settled.Line} has {settled.Reason}, which can only be read that way."
        : Confirmed
            ? $"Dates are read {ImportLayout.Describe(Order)}, as confirmed."
            : $"Every date like {Samples.FirstOrDefault()?.Written ?? "05/04/2025"} in this file could be read either way; they are read {ImportLayout.Describe(Order)} until you confirm or switch.";
}

/// <summary>
/// What a first pass over a file learns before any row is judged: whether its dates settle their own order, and (for
/// PayPal, whose refunds are rows of their own, often above the payment they return) how much of each payment was refunded.
/// </summary>
public sealed class ImportFacts
{
    private ImportProblem? dayFirstOnly;
    private ImportProblem? monthFirstOnly;
    private int eitherWay;

    /// <summary>Refunded minor units by the id of the payment they return, with the first refund's line.</summary>
    internal Dictionary<string, (long Minor, int Line)> Refunds { get; } = new(StringComparer.Ordinal);

    /// <summary>Settled once one date can only be read one way; files without refund rows need read no further.</summary>
    internal bool Settled => dayFirstOnly is not null || monthFirstOnly is not null;

    internal void SeeDate(int line, string written)
    {
        switch (ImportDates.Shape(written))
        {
            case DateShape.DayFirstOnly: dayFirstOnly ??= new ImportProblem(line, null, written); break;
            case DateShape.MonthFirstOnly: monthFirstOnly ??= new ImportProblem(line, null, written); break;
            case DateShape.Either: eitherWay++; break;
        }
    }

    internal void SeeRefund(int line, string reference, long minor)
    {
        var (sum, first) = Refunds.GetValueOrDefault(reference, (0, line));
        Refunds[reference] = (sum + minor, first);
    }

    /// <summary>The order the whole file is read in: the first date that can only be read one way settles it; else the order confirmed or preferred.</summary>
    public DateReading Resolve(ImportLayout layout)
    {
        var settled = (dayFirstOnly, monthFirstOnly) switch
        {
            ({ } d, { } m) => d.Line <= m.Line ? (d, DateOrder.DayFirst) : (m, DateOrder.MonthFirst),
            ({ } d, null) => (d, DateOrder.DayFirst),
            (null, { } m) => (m, DateOrder.MonthFirst),
            _ => ((ImportProblem?)null, layout.OrderToTry),
        };
        return new DateReading { Order = settled.Item2, SettledBy = settled.Item1, EitherWay = eitherWay, Confirmed = layout.ConfirmedOrder is not null };
    }
}
