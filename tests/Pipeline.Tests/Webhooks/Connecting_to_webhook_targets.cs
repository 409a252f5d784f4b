using Microsoft.Extensions.Options;
using Pipeline.Domain.Webhooks;
using Pipeline.Handlers.Webhooks;

namespace Pipeline.Tests.Webhooks;

/// <summary>The check when connecting, where a name that resolved to a public address at registration may now point elsewhere.</summary>
public sealed class Connecting_to_webhook_targets
{
    private static WebhookDeliveryWork Work(Uri url) => new(
        new WebhookDelivery(1, "delivery-test", 1, "concept.completed", """{"event":"concept.completed"}""", "pending", 1, null, null, null, null,
            DateTime.UtcNow, DateTime.UtcNow, null), "webhook-test", url.ToString(), WebhookApi.Secret, "active", 1);

    private static WebhookSender Sender(bool allowPrivate) =>
        new(new WebhookTargetPolicy(Options.Create(new WebhookOptions { AllowPrivateTargets = allowPrivate })),
            Options.Create(new WebhookOptions { AllowPrivateTargets = allowPrivate, TimeoutSeconds = 5 }), TimeProvider.System);

    [Fact]
    public async Task A_name_resolving_to_loopback_is_refused_at_connect_time_and_nothing_is_sent()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // "localhost" is a name: only the connect-time check (after DNS) can see it is loopback.
        var url = new UriBuilder(receiver.Url) { Host = "localhost" }.Uri;
        using var sender = Sender(allowPrivate: false);

        var outcome = await sender.SendAsync(Work(url), CancellationToken.None);

        Assert.False(outcome.Delivered);
        Assert.True(outcome.Permanent);
        Assert.Contains("may not reach", outcome.Error);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task Redirects_are_not_followed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var sender = Sender(allowPrivate: true);

        var outcome = await sender.SendAsync(Work(new Uri(receiver.Url, "/redirect")), CancellationToken.None);

        Assert.False(outcome.Delivered);
        Assert.Equal(307, outcome.StatusCode);
        Assert.Empty(receiver.Requests);
    }
}
