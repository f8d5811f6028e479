namespace Records.Web.Infrastructure;

/// <summary>The signed-in person's name for the audit log; "system" for work outside a request.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : Records.Core.Data.ICurrentUser
{
    public string Name => accessor.HttpContext switch
    {
        null => "system",
        { User.Identity: { IsAuthenticated: true, Name: { } name } } => name,
        _ => "anonymous",
    };
}
