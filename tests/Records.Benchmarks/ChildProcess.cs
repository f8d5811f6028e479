using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Records.Benchmarks;

/// <summary>
/// A process this harness started. Its output is drained (so a full pipe never blocks it) and the last lines kept
/// for error messages; whatever is still running when the harness exits, even on Ctrl+C, is killed.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 40;
    private static readonly List<ChildProcess> Running = [];

    private readonly Process process;
    private readonly Queue<string> tail = new();
    private readonly Regex? announcement;
    private readonly TaskCompletionSource<Match> announced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    static ChildProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    private ChildProcess(ProcessStartInfo info, Regex? announcement)
    {
        this.announcement = announcement;
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data);
        process.Exited += (_, _) => announced.TrySetException(new InvalidOperationException($"{Name} exited with code {process.ExitCode} before it was ready."));
    }

    /// <summary>The dotnet host this harness runs under, to start other .NET apps with the same runtime.</summary>
    public static string DotnetHost =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? self
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public string Name => Path.GetFileName(process.StartInfo.ArgumentList.FirstOrDefault() ?? process.StartInfo.FileName);

    public bool HasExited => process.HasExited;

    /// <summary>The first output line matching the announcement pattern; fails if the process exits first.</summary>
    public Task<Match> Announced => announced.Task;

    public static ChildProcess Start(ProcessStartInfo info, Regex? announcement = null)
    {
        var child = new ChildProcess(info, announcement);
        lock (Running) Running.Add(child);
        child.process.Start();
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    public string Output()
    {
        lock (tail) return string.Join(Environment.NewLine, tail);
    }

    /// <summary>Closes standard input (the serve mode stops on that), waits a little, then kills what is left.</summary>
    public async ValueTask DisposeAsync()
    {
        if (process.StartInfo.RedirectStandardInput && !process.HasExited)
        {
            process.StandardInput.Close();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await process.WaitForExitAsync(grace.Token); } catch (OperationCanceledException) { }
        }
        Kill();
        await process.WaitForExitAsync();
        lock (Running) Running.Remove(this);
        process.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null) return;
        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > KeptLines) tail.Dequeue();
        }
        if (announcement?.Match(line) is { Success: true } match) announced.TrySetResult(match);
    }

    private void Kill()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
    }

    private static void KillAll()
    {
        lock (Running) foreach (var child in Running) child.Kill();
    }
}
