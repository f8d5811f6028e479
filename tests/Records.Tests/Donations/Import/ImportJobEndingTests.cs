using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Records.Tests.Infrastructure;
using static Records.Tests.Donations.Import.ImportPages;

namespace Records.Tests.Donations.Import;

/// <summary>
/// The import page follows its background job until the job says it is no longer running. A job that failed in a way
/// its own error handling could not report (here the log itself throws) once stayed "Checking" for ever.
/// </summary>
public class ImportJobEndingTests(ImportJobEndingTests.App app) : IClassFixture<ImportJobEndingTests.App>
{
    public sealed class App : RecordsApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(new ThrowingLog()));
        }
    }

    [Fact]
    public async Task ADryRunThatFailsUnexpectedlyEndsFailedAndThePageSaysSoInsteadOfCheckingForEver()
    {
        var client = await app.StaffAsync();
        // The ledger is missing, so the dry run fails with an error that is not about the file.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""ALTER TABLE "Donations" RENAME TO "DonationsAway" """));
        HttpResponseMessage upload;
        try
        {
            upload = await UploadAsync(client, File("stripe.csv"), "Stripe");
            Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
            var page = await WaitAsync(app, client, upload.Headers.Location!.OriginalString, HttpStatusCode.BadRequest);

            Assert.Null(page.QuerySelector("[data-import-progress]"));
            Assert.Equal("The import failed and nothing was saved. Check the file again; if it fails again, tell the administrator.", page.FieldError("Input.File"));
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""ALTER TABLE "DonationsAway" RENAME TO "Donations" """));
        }
    }

    /// <summary>A log whose error entries from the import jobs throw, as a full disk or a broken log sink might.</summary>
    private sealed class ThrowingLog : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName.EndsWith(".ImportJobs", StringComparison.Ordinal));

        public void Dispose() { }

        private sealed class Logger(bool throws) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => throws && logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) throw new IOException("The log cannot be written.");
            }
        }
    }
}
