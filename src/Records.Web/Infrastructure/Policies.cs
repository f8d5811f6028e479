using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Records.Core.Accounts;

namespace Records.Web.Infrastructure;

public static class Policies
{
    public const string Admin = "Admin";
    public const string WorkGroup = "WorkGroup";
    public const string Chair = "Chair";
    public const string Staff = "Staff";
    public const string Board = "Board";
    /// <summary>The financial records: Staff keep them, the Board reads them.</summary>
    public const string Finance = "Finance";
    /// <summary>Community Service Award proposals: the Board decides them, Staff keep them.</summary>
    public const string Awards = "Awards";
    /// <summary>Past rounds and their outcomes, recorded afterwards: Staff or the Work Group's Chair.</summary>
    public const string History = "History";

    public static IServiceCollection AddRecordsAuthorization(this IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(WorkGroup, p => p.RequireRole(Roles.WorkGroup, Roles.Chair))
            .AddPolicy(Chair, p => p.RequireRole(Roles.Chair))
            .AddPolicy(Staff, p => p.RequireRole(Roles.Staff))
            .AddPolicy(Board, p => p.RequireRole(Roles.Board))
            .AddPolicy(Finance, p => p.RequireRole(Roles.Staff, Roles.Board))
            .AddPolicy(Awards, p => p.RequireRole(Roles.Staff, Roles.Board))
            .AddPolicy(History, p => p.RequireRole(Roles.Staff, Roles.Chair))
            .Services;

    /// <summary>Folder-wide rules, so a page added to a folder is protected before anyone remembers to.</summary>
    public static PageConventionCollection AddRecordsConventions(this PageConventionCollection conventions)
    {
        conventions.AddFolderApplicationModelConvention("/", m => m.Filters.Add(new DatabaseBusyFilter()));
        conventions.AddFolderApplicationModelConvention("/", m => m.Filters.Add(new UploadRefusalFilter()));
        conventions.AuthorizeFolder("/Admin", Admin);
        conventions.AuthorizeFolder("/Nominations", WorkGroup);
        conventions.AuthorizeFolder("/Nominations/Rounds", Chair);
        conventions.AuthorizeFolder("/Fellows", Staff);
        conventions.AllowAnonymousToPage("/Fellows/Index");
        conventions.AllowAnonymousToFolder("/Nominate");
        conventions.AuthorizeFolder("/ServiceAwards", Awards);
        conventions.AuthorizeFolder("/Posts", Staff);
        conventions.AuthorizeFolder("/Sponsors", Finance);
        conventions.AuthorizeFolder("/Donations", Finance);
        conventions.AddFolderApplicationModelConvention("/Sponsors", m => m.Filters.Add(new WritesNeedStaff()));
        conventions.AddFolderApplicationModelConvention("/Donations", m => m.Filters.Add(new WritesNeedStaff()));
        conventions.AddPageApplicationModelConvention("/Reports/Budget", m => m.Filters.Add(new WritesNeedStaff()));
        conventions.AuthorizePage("/ServiceAwards/Past", Staff);
        conventions.AuthorizeFolder("/History", History);
        conventions.AllowAnonymousToPage("/ServiceAwards/Propose");
        conventions.AllowAnonymousToPage("/ServiceAwards/Proposed");
        conventions.AllowAnonymousToPage("/ServiceAwards/Recipients");
        conventions.AllowAnonymousToPage("/Index");
        conventions.AllowAnonymousToPage("/Error");
        conventions.AllowAnonymousToPage("/Status");
        conventions.AllowAnonymousToPage("/Accounts/Login");
        conventions.AllowAnonymousToPage("/Setup/Index");
        return conventions;
    }
}
