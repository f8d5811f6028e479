using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Records.Web.Infrastructure;

/// <summary>
/// In the financial folders the Board reads and Staff write: every handler that is not a read (any POST) needs the
/// Staff policy, whatever page it is on, so a new form is protected before anyone remembers to.
/// </summary>
public sealed class WritesNeedStaff : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
            if (!(await authorization.AuthorizeAsync(http.User, Policies.Staff)).Succeeded)
            {
                context.Result = new ForbidResult();
                return;
            }
        }
        await next();
    }
}

public static class FinanceAccess
{
    /// <summary>Staff keep the financial records; the Board only reads them, so their pages hide the forms.</summary>
    public static bool KeepsRecords(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Records.Core.Accounts.Roles.Staff);
}
