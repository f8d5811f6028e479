namespace Records.Core.Data;

/// <summary>
/// The longest text the forms take, named once: the database columns are as wide (see the entity configurations),
/// so a form refuses what a column could not hold rather than failing on save.
/// </summary>
public static class Limits
{
    /// <summary>A person's, organisation's or campaign's name, a label, a reference or a transaction id.</summary>
    public const int Name = 200;

    /// <summary>A note, comment, description, summary or resolution.</summary>
    public const int Note = 4000;

    /// <summary>A password as typed: long enough for any passphrase, short enough that hashing it is cheap.</summary>
    public const int Password = 200;
}
