namespace Records.Volume;

/// <summary>Seeded draws with the shapes real records have: a few donors give often, many gifts are small, few are large.</summary>
internal sealed class Draw(int seed)
{
    private readonly Random random = new(seed);

    public double Unit() => random.NextDouble();

    public bool Chance(double probability) => random.NextDouble() < probability;

    public int Between(int min, int maxInclusive) => random.Next(min, maxInclusive + 1);

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Picks by weight; the weights need not sum to one.</summary>
    public T Weighted<T>(IReadOnlyList<(T Item, double Weight)> items)
    {
        var total = items.Sum(i => i.Weight);
        var x = random.NextDouble() * total;
        foreach (var (item, weight) in items)
        {
            x -= weight;
            if (x < 0) return item;
        }
        return items[^1].Item;
    }

    /// <summary>An index in [0, count) where low indexes come up far more often: the regular givers.</summary>
    public int Skewed(int count, double skew = 2.2) => Math.Min(count - 1, (int)(Math.Pow(random.NextDouble(), skew) * count));

    public double LogNormal(double median, double sigma)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        var normal = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return median * Math.Exp(sigma * normal);
    }

    public Guid Guid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public DateTime TimeOn(DateOnly day) => day.ToDateTime(new TimeOnly(Between(0, 23), Between(0, 59), Between(0, 59)), DateTimeKind.Utc);

    public DateOnly DayBetween(DateOnly first, DateOnly last) => first.AddDays(random.Next(last.DayNumber - first.DayNumber + 1));

    /// <summary>Fisher–Yates over 0..count-1.</summary>
    public int[] Permutation(int count)
    {
        var items = Enumerable.Range(0, count).ToArray();
        for (var i = count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }
}
