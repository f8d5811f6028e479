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
            options.OnRejected = async (context, ct) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }
                // The status page speaks of forms sent in the last hour; a preview is held back for a minute only.
                if (IsPreview(context.HttpContext))
                {
                    context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                    await context.HttpContext.Response.WriteAsync(
                        "<p class=\"field-validation-error\" data-preview-error>Too many previews from your address in the last minute. " +
                        "Nothing was lost: wait a minute, then preview again or send the form.</p>", ct);
                }
            };
            options.AddPolicy(Nominations, context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("");
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                // Previewing saves nothing but renders the statement, so it has its own, per-minute allowance.
                if (IsPreview(context))
                {
                    var perMinute = context.RequestServices.GetRequiredService<IOptions<RecordsOptions>>().Value.Nominations.PreviewsPerAddressPerMinute;
                    return RateLimitPartition.GetFixedWindowLimiter("preview " + address, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
                }
                var perHour = context.RequestServices.GetRequiredService<IOptions<RecordsOptions>>().Value.Nominations.PerAddressPerHour;
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
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
