using Records.Core.Data;

namespace Records.Web.Infrastructure;

public static class HealthEndpoint
{
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/health", async (RecordsDbContext db, CancellationToken ct) =>
                await db.Database.CanConnectAsync(ct)
                    ? Results.Text("healthy", "text/plain")
                    : Results.Text("database unavailable", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable))
            .AllowAnonymous();
}
