using Records.Core.Mail;

namespace Records.Tests.Mail;

public class OutboxBackoffTests
{
    private static readonly MailOptions Options = new() { RetryBaseSeconds = 30, RetryMaxSeconds = 3600 };

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(7, 1920)]
    [InlineData(8, 3600)]
    [InlineData(50, 3600)]
    [InlineData(int.MaxValue, 3600)]
    public void BackoffDoublesFromTheBaseAndStopsAtTheMaximum(int attempts, int expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), OutboxDelivery.Backoff(attempts, Options));
    }

    [Fact]
    public void BackoffBeforeAnyFailedAttemptIsTheBase()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxDelivery.Backoff(0, Options));
    }

    [Fact]
    public void BackoffUsesTheConfiguredBaseAndMaximum()
    {
        var options = new MailOptions { RetryBaseSeconds = 5, RetryMaxSeconds = 12 };
        Assert.Equal(TimeSpan.FromSeconds(5), OutboxDelivery.Backoff(1, options));
        Assert.Equal(TimeSpan.FromSeconds(10), OutboxDelivery.Backoff(2, options));
        Assert.Equal(TimeSpan.FromSeconds(12), OutboxDelivery.Backoff(3, options));
    }
}
