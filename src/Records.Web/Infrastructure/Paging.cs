using Microsoft.EntityFrameworkCore;

namespace Records.Web.Infrastructure;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < Pages;
}

public static class Paging
{
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken ct = default)
    {
        var total = await query.CountAsync(ct);
        page = Clamp(page, pageSize, total);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(items, page, pageSize, total);
    }

    /// <summary>One page of a list already in memory, such as a kept order of ids, numbered as <see cref="ToPagedAsync"/> numbers pages.</summary>
    public static Paged<T> ToPaged<T>(this IReadOnlyList<T> all, int page, int pageSize)
    {
        page = Clamp(page, pageSize, all.Count);
        return new Paged<T>([.. all.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, all.Count);
    }

    /// <summary>Rows read by id, put back in the order of <paramref name="ids"/>.</summary>
    public static IReadOnlyList<T> InOrderOf<T>(this IEnumerable<T> rows, IReadOnlyList<int> ids, Func<T, int> id)
    {
        var position = ids.Select((value, i) => (value, i)).ToDictionary(x => x.value, x => x.i);
        return [.. rows.OrderBy(r => position[id(r)])];
    }

    private static int Clamp(int page, int pageSize, int total) => Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
}
