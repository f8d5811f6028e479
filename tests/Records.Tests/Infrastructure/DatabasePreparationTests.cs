using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Records.Core.Data;
using Records.Web.Infrastructure;

namespace Records.Tests.Infrastructure;

public class DatabasePreparationTests
{
    [Fact]
    public async Task TheAppCountsAsStartedOnlyOnceTheDatabaseIsReady()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var preparation = new DatabasePreparation();
        preparation.Begin(() => ready.Task);

        var start = preparation.StartAsync(TestContext.Current.CancellationToken);
        await Task.Yield();
        Assert.False(start.IsCompleted);

        ready.SetResult();
        await start.WaitAsync(TestContext.Current.CancellationToken);
        Assert.True(start.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WhatRunsThenSeesTheDatabasePreparedAndTheAppIsReadyOnlyAfterIt()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var preparation = new DatabasePreparation();
        var sawPrepared = false;
        var then = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        preparation.Begin(() => ready.Task, () =>
        {
            sawPrepared = preparation.Prepared.IsCompletedSuccessfully;
            then.Task.GetAwaiter().GetResult();
        });

        ready.SetResult();
        await preparation.Prepared.WaitAsync(TestContext.Current.CancellationToken);
        Assert.False(preparation.Ready.IsCompleted);

        then.SetResult();
        await preparation.Ready.WaitAsync(TestContext.Current.CancellationToken);
        Assert.True(sawPrepared);
    }

    [Fact]
    public async Task ARefusedPathIsLeftToProgramToSayAndTheAppNeverCountsAsStarted()
    {
        var preparation = new DatabasePreparation();
        preparation.Begin(() => throw new DatabasePathException("Records cannot write its database at '/nowhere/records.db'."));
        using var stop = new CancellationTokenSource();

        var start = preparation.StartAsync(stop.Token);
        var failure = await Assert.ThrowsAsync<DatabasePathException>(() => preparation.Ready);
        Assert.Contains("/nowhere/records.db", failure.Message);
        Assert.False(start.IsCompleted);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start);
    }

    [Fact]
    public async Task AnUnexpectedFailureFailsTheStartForTheHostToReport()
    {
        var preparation = new DatabasePreparation();
        preparation.Begin(() => throw new InvalidOperationException("migration 7 failed"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => preparation.StartAsync(TestContext.Current.CancellationToken));

        Assert.Equal("migration 7 failed", failure.Message);
    }

    [Fact]
    public async Task ARequestThatArrivesBeforeTheDatabaseIsReadyWaitsAndIsThenServed()
    {
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var preparation = new DatabasePreparation();
        preparation.Begin(() => ready.Task);
        var services = new ServiceCollection().AddSingleton(preparation).BuildServiceProvider();
        var served = false;
        var app = new ApplicationBuilder(services);
        app.UseDatabaseReady();
        app.Run(_ =>
        {
            served = true;
            return Task.CompletedTask;
        });
        var pipeline = app.Build();

        var request = pipeline(new DefaultHttpContext());
        await Task.Yield();
        Assert.False(served);
        Assert.False(request.IsCompleted);

        ready.SetResult();
        await request.WaitAsync(TestContext.Current.CancellationToken);
        Assert.True(served);
    }

    [Fact]
    public async Task ARequestWhoseClientLeavesStopsWaitingForTheDatabase()
    {
        var preparation = new DatabasePreparation();
        preparation.Begin(() => new TaskCompletionSource().Task);
        var services = new ServiceCollection().AddSingleton(preparation).BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        app.UseDatabaseReady();
        app.Run(_ => Task.CompletedTask);
        using var leaves = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = leaves.Token };

        var request = app.Build()(context);
        await leaves.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
    }
}
