using Records.Core.Data;

namespace Records.Web.Infrastructure;

/// <summary>GET /health: 200 when the instance can serve, 503 otherwise, with the database's state for whoever looks.</summary>
public static class HealthEndpoint
{
    public static void MapHealth(this WebApplication app) =>
        app.MapGet("/health", async (RecordsDbContext db, CancellationToken ct) =>
            {
                var health = await DatabaseHealth.CheckAsync(db, ct);
                return Results.Json(
                    new
                    {
                        status = health.Healthy ? "healthy" : "unhealthy",
                        database = new
                        {
                            provider = health.Provider,
                            reachable = health.Reachable,
                            schema = health.Schema,
                            pendingMigrations = health.Pending,
                            unknownMigrations = health.Unknown,
                        },
                    },
                    statusCode: health.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
            })
            .AllowAnonymous();
}
