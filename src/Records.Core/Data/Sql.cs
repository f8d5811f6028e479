namespace Records.Core.Data;

/// <summary>
/// The SQL the model writes by hand, in filtered indexes and check constraints. Column names are quoted as standard
/// SQL has them, so an engine that folds unquoted names (PostgreSQL) finds the columns; each provider's
/// <see cref="IDatabaseProvider.FinishModel"/> writes them as its migrations have them.
/// </summary>
public static class Sql
{
    public static string Quote(string column) => "\"" + column + "\"";

    public static string IsNotNull(string column) => $"{Quote(column)} IS NOT NULL";

    public static string IsNull(string column) => $"{Quote(column)} IS NULL";
}
