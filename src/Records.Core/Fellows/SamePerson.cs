namespace Records.Core.Fellows;

/// <summary>
/// Finds a person again: by email when both sides have one, otherwise by exact name, ignoring case (and runs of
/// spaces). An email that differs means a different person even with the same name.
/// </summary>
public sealed class SamePerson<T>
{
    private readonly Dictionary<string, T> byEmail = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, T> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, T> byNameWithoutEmail = new(StringComparer.OrdinalIgnoreCase);

    public void Add(string name, string? email, T value)
    {
        var key = NameKey(name);
        byName.TryAdd(key, value);
        if (string.IsNullOrWhiteSpace(email)) byNameWithoutEmail.TryAdd(key, value);
        else byEmail.TryAdd(email.Trim(), value);
    }

    public bool TryFind(string name, string? email, out T value)
    {
        var key = NameKey(name);
        if (string.IsNullOrWhiteSpace(email)) return byName.TryGetValue(key, out value!);
        return byEmail.TryGetValue(email.Trim(), out value!) || byNameWithoutEmail.TryGetValue(key, out value!);
    }

    private static string NameKey(string name) =>
        string.Join(' ', name.Normalize().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
