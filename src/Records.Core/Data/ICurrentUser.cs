namespace Records.Core.Data;

/// <summary>The name written into the audit log for changes made in this scope.</summary>
public interface ICurrentUser
{
    string Name { get; }
}
