using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Records.Web.Infrastructure;
using Records.Web.Mail;

namespace Records.Tests.Infrastructure;

public class FirstRequestTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 17, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheWaitEndsWhenTheFirstRequestIsAnsweredEvenIfTheClockHasNotMoved()
    {
        var clock = new ManualClock(Start);
        var first = new FirstRequest(clock);
        var wait = first.WaitAsync(TestContext.Current.CancellationToken);
        clock.Advance(FirstRequest.FirstPassAfter - TimeSpan.FromSeconds(1));
        Assert.False(wait.IsCompleted);

        first.Answered();

        await wait.WaitAsync(TestContext.Current.CancellationToken);
        Assert.True(first.HasBeenAnswered);
    }

    [Fact]
    public async Task WithoutARequestTheWaitEndsWhenTheClockReachesTheDeadlineCountedFromTheStart()
    {
        var clock = new ManualClock(Start);
        var first = new FirstRequest(clock);
        clock.Advance(TimeSpan.FromSeconds(4));
        var wait = first.WaitAsync(TestContext.Current.CancellationToken);
        clock.Advance(FirstRequest.FirstPassAfter - TimeSpan.FromSeconds(5));
        Assert.False(wait.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(1));

        await wait.WaitAsync(TestContext.Current.CancellationToken);
        Assert.False(first.HasBeenAnswered);
        // Past the deadline a wait does not wait at all.
        Assert.True(first.WaitAsync(TestContext.Current.CancellationToken).IsCompleted);
    }

    [Fact]
    public async Task AStoppingAppEndsTheWait()
    {
        var first = new FirstRequest(new ManualClock(Start));
        using var stopping = new CancellationTokenSource();
        var wait = first.WaitAsync(stopping.Token);

        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(TestContext.Current.CancellationToken));
    }
}

/// <summary>A host of its own: no request may reach it before the test's own.</summary>
public class WorkersWaitForTheFirstAnswerTests(RecordsApp app) : IClassFixture<RecordsApp>
{
    [Fact]
    public async Task TheOutboxMakesItsFirstPassOnlyOnceTheAppHasAnsweredARequest()
    {
        var first = app.Services.GetRequiredService<FirstRequest>();
        var worker = app.Services.GetServices<IHostedService>().OfType<OutboxWorker>().Single();
        Assert.False(first.HasBeenAnswered);
        Assert.Equal(0, worker.Passes);

        (await app.Browser().GetAsync("/health", TestContext.Current.CancellationToken)).Dispose();

        Assert.True(first.HasBeenAnswered);
        await worker.PassedAsync(1).WaitAsync(TestContext.Current.CancellationToken);
    }
}
