using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Records.Web.Infrastructure;

/// <summary>Limits on the public forms, per network address; a refused request gets a 429 and the status page.</summary>
public static class RateLimits
{
    /// <summary>Nominations sent through the public form: Records:Nominations:PerAddressPerHour per address per hour.</summary>
    public const string Nominations = "nominations";

    public static IServiceCollection AddRecordsRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Nominations, context =>
            {
                // Only sending the form counts: reading it and previewing the statement save nothing.
                if (!HttpMethods.IsPost(context.Request.Method) || IsPreview(context)) return RateLimitPartition.GetNoLimiter("");
                var perHour = context.RequestServices.GetRequiredService<IOptions<RecordsOptions>>().Value.Nominations.PerAddressPerHour;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perHour,
                    Window = TimeSpan.FromHours(1),
                    QueueLimit = 0,
                });
            });
        });

    private static bool IsPreview(HttpContext context) =>
        string.Equals(context.GetRouteValue("handler")?.ToString() ?? context.Request.Query["handler"].ToString(), "Preview", StringComparison.OrdinalIgnoreCase);
}
