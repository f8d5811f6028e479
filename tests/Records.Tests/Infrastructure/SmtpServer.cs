using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Records.Tests.Infrastructure;

/// <summary>A message the SMTP server wrote to its Maildir.</summary>
public sealed record DeliveredMail(string Path, MimeMessage Message)
{
    /// <summary>The envelope recipients, as recorded by aiosmtpd's Mailbox handler.</summary>
    public IReadOnlyList<string> EnvelopeRecipients =>
        Message.Headers["X-RcptTo"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

/// <summary>
/// A real SMTP server on a free loopback port (Debian's python3-aiosmtpd, Mailbox handler writing a Maildir).
/// It can be stopped and started again on the same port. Tests call <see cref="StartAsync"/> or
/// <see cref="StopAsync"/>; both skip the test (or fail it when CI=true) if aiosmtpd is not installed.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    public const string Python = "/usr/bin/python3";
    public const string Package = "python3-aiosmtpd";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _unavailableReason;

    public string Host => "127.0.0.1";
    public int Port { get; private set; }
    public string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"records-smtp-{Guid.NewGuid():N}");
    public string Maildir => System.IO.Path.Combine(Folder, "maildir");
    public bool IsRunning => _process is { HasExited: false };

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Port = FreePort();
        _unavailableReason = await CheckAiosmtpdAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Skips the calling test when aiosmtpd is missing, or fails it when running in CI.</summary>
    public void RequireServer()
    {
        if (_unavailableReason is null) return;
        var message = $"The SMTP tests need the Debian package {Package} (apt-get install {Package}): {_unavailableReason}";
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail(message);
        Assert.Skip(message);
    }

    public async Task StartAsync()
    {
        RequireServer();
        if (IsRunning) return;

        lock (_output) _output.Clear();
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Another interpreter's settings must not leak into the system Python.
        start.Environment.Remove("PYTHONHOME");
        start.Environment.Remove("PYTHONPATH");
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AcceptsConnectionsAsync())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await StopProcessAsync();
                Assert.Fail($"aiosmtpd did not start listening on {Host}:{Port}. Output:\n{Output}");
            }
            await Task.Delay(100);
        }
    }

    public async Task StopAsync()
    {
        RequireServer();
        await StopProcessAsync();
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Every message the server has delivered so far, read from Maildir/new and Maildir/cur.</summary>
    public IReadOnlyList<DeliveredMail> Delivered()
    {
        return new[] { "new", "cur" }
            .Select(sub => System.IO.Path.Combine(Maildir, sub))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Order(StringComparer.Ordinal)
            .Select(path => new DeliveredMail(path, MimeMessage.Load(path)))
            .ToList();
    }

    private async Task StopProcessAsync()
    {
        if (_process is not { } process) return;
        _process = null;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task<string?> CheckAiosmtpdAsync()
    {
        if (!File.Exists(Python)) return $"{Python} does not exist.";
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-c", "import aiosmtpd" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("PYTHONHOME");
        start.Environment.Remove("PYTHONPATH");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode == 0) return null;
        var lastLine = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return $"{Python} cannot import aiosmtpd ({lastLine}).";
    }
}
