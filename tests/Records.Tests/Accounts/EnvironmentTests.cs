using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Records.Tests.Infrastructure;

namespace Records.Tests.Accounts;

/// <summary>
/// The built app started as `dotnet run` starts it: the launch profile's variables laid over the user's environment.
/// The environment the user set wins; with none set, the README's command runs in Development.
/// </summary>
public partial class LaunchEnvironmentTests
{
    [Theory]
    [InlineData("ASPNETCORE_ENVIRONMENT", "Production", "Production")]
    [InlineData(null, null, "Development")]
    public async Task TheEnvironmentTheUserSetWinsOverTheLaunchProfile(string? variable, string? value, string expected)
    {
        var folder = Path.Combine(Path.GetTempPath(), "records-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var environment = await StartAsync(folder, variable, value);

            Assert.Equal(expected, environment);
            var developmentAccounts = await CountAsync(Path.Combine(folder, "records.db"), "SELECT COUNT(*) FROM AspNetUsers WHERE Email LIKE '%@records.local'");
            Assert.Equal(expected == "Development" ? 8 : 0, developmentAccounts);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task AnUnwritableDatabasePathStopsTheAppWithOneLineNamingThePathAndTheSetting()
    {
        var folder = Path.Combine(Path.GetTempPath(), "records-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var blocker = Path.Combine(folder, "a-file-not-a-folder");
            await File.WriteAllTextAsync(blocker, "x", TestContext.Current.CancellationToken);
            var path = Path.Combine(blocker, "records.db");
            var info = AppProcess.StartInfo(null, null);
            info.Environment["Records__DatabasePath"] = path;

            var (exitCode, said) = await AppProcess.RunToEndAsync(info);

            Assert.Equal(1, exitCode);
            Assert.Contains($"Records cannot write its database at '{path}'", said);
            Assert.Contains("Records:DatabasePath", said);
            Assert.DoesNotContain("   at ", said);
            Assert.DoesNotContain("Hosting failed to start", said);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task AnUnreachablePostgreSqlServerStopsTheAppWithOneLineNamingTheHostAndTheSetting()
    {
        var info = AppProcess.StartInfo(null, null);
        info.Environment["Records__Database__Provider"] = "PostgreSQL";
        // Port 1 on loopback: nothing listens there, so the connection is refused at once.
        info.Environment["ConnectionStrings__Records"] = "Host=127.0.0.1;Port=1;Database=records;Username=records;Timeout=5";

        var (exitCode, said) = await AppProcess.RunToEndAsync(info);

        Assert.Equal(1, exitCode);
        Assert.Contains("Records cannot reach its PostgreSQL database at 127.0.0.1:1, database 'records'", said);
        Assert.Contains("ConnectionStrings:Records", said);
        Assert.DoesNotContain("   at ", said);
    }

    [Fact]
    public async Task AnUnknownDatabaseProviderStopsTheAppWithOneLineNamingTheChoices()
    {
        var info = AppProcess.StartInfo(null, null);
        info.Environment["Records__Database__Provider"] = "Oracle";

        var (exitCode, said) = await AppProcess.RunToEndAsync(info);

        Assert.Equal(1, exitCode);
        Assert.Contains("Records:Database:Provider is 'Oracle'; it must be Sqlite or PostgreSQL.", said);
        Assert.DoesNotContain("   at ", said);
    }

    private static async Task<string> StartAsync(string folder, string? variable, string? value)
    {
        var info = AppProcess.StartInfo(variable, value);
        info.Environment["Records__DatabasePath"] = Path.Combine(folder, "records.db");
        info.Environment["Records__Mail__PickupFolder"] = Path.Combine(folder, "mail-pickup");

        var output = new StringBuilder();
        var environment = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = info };
        void Read(string? line)
        {
            if (line is null) return;
            lock (output) output.AppendLine(line);
            if (HostingEnvironment().Match(line) is { Success: true } match) environment.TrySetResult(match.Groups[1].Value.Trim());
            // Started, not only listening: the port opens while the database is still being made ready.
            if (line.Contains("Application started.", StringComparison.Ordinal)) listening.TrySetResult();
        }
        process.OutputDataReceived += (_, e) => Read(e.Data);
        process.ErrorDataReceived += (_, e) => Read(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await Task.WhenAll(listening.Task, environment.Task).WaitAsync(TimeSpan.FromSeconds(120));
            return await environment.Task;
        }
        catch (TimeoutException)
        {
            lock (output) Assert.Fail($"The app did not start. Its output:\n{output}");
            throw;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex(@"Hosting environment: (\S+)")]
    private static partial Regex HostingEnvironment();
}

public class LaunchEnvironmentChoiceTests
{
    [Theory]
    [InlineData(null, null, "Development", null, "Development")]
    [InlineData("Production", null, "Development", null, null)]
    [InlineData(null, "Staging", "Development", null, null)]
    [InlineData("", "", "Development", null, "Development")]
    [InlineData(null, null, "Development", "--environment=Production", null)]
    [InlineData(null, null, null, null, null)]
    public void TheLaunchProfilesEnvironmentIsUsedOnlyWhenThePersonSetNone(string? aspnetcore, string? dotnet, string? launch, string? argument, string? expected)
    {
        var variables = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = aspnetcore, ["DOTNET_ENVIRONMENT"] = dotnet, [Records.Web.Infrastructure.LaunchEnvironment.Variable] = launch,
        };

        var chosen = Records.Web.Infrastructure.LaunchEnvironment.Choose(name => variables.GetValueOrDefault(name), argument is null ? [] : [argument]);

        Assert.Equal(expected, chosen);
    }
}

public class LaunchUrlsChoiceTests
{
    [Theory]
    [InlineData(null, null, "http://localhost:5080")]
    [InlineData("http://127.0.0.1:5192", null, null)]
    [InlineData(null, "--urls=http://127.0.0.1:5192", null)]
    public void TheLaunchProfilesAddressIsUsedOnlyWhenThePersonGaveNone(string? urls, string? argument, string? expected)
    {
        var variables = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = urls, [Records.Web.Infrastructure.LaunchEnvironment.UrlsVariable] = "http://localhost:5080" };

        Assert.Equal(expected, Records.Web.Infrastructure.LaunchEnvironment.ChooseUrls(name => variables.GetValueOrDefault(name), argument is null ? [] : [argument]));
    }
}

/// <summary>Outside Development no development account is made, even when the setting asks for them.</summary>
public class DevelopmentAccountsTests(DevelopmentAccountsTests.App app) : IClassFixture<DevelopmentAccountsTests.App>
{
    public sealed class App : RecordsApp
    {
        protected override string EnvironmentName => "Production";
    }

    [Fact]
    public async Task ProductionMakesNoDevelopmentAccountsEvenWhenAsked()
    {
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users)));

        var response = await app.Browser().SubmitAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "admin@records.local", ["Input.Password"] = Records.Web.Infrastructure.AppStartup.DevelopmentPassword,
        });
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
