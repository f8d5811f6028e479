using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Records.Core.Data;

/// <summary>A "contains, ignoring case" filter over several fields, built on an engine's LIKE-style function.</summary>
internal static class SearchPattern
{
    /// <summary>
    /// Rows where any field matches %text% through <paramref name="like"/> (a (DbFunctions, value, pattern, escape)
    /// method), with the text's own %, _ and \ escaped so that it is matched literally.
    /// </summary>
    public static Expression<Func<T, bool>> Matching<T>(MethodInfo like, string text, Expression<Func<T, string?>>[] fields)
    {
        // A member of an object, not a constant, so that EF sends the pattern as a parameter and reuses the query plan.
        var pattern = new Pattern("%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
        var row = Expression.Parameter(typeof(T), "row");
        var functions = Expression.Property(null, typeof(EF), nameof(EF.Functions));
        var value = Expression.Property(Expression.Constant(pattern), nameof(Pattern.Value));
        var matches = fields
            .Select(f => (Expression)Expression.Call(like, functions, new Rebind(f.Parameters[0], row).Visit(f.Body), value, Expression.Constant("\\")))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<T, bool>>(matches, row);
    }

    private sealed record Pattern(string Value);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
