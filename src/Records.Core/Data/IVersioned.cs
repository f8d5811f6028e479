namespace Records.Core.Data;

/// <summary>An editable record whose <see cref="Version"/> is regenerated on every save, so a stale edit is refused.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
