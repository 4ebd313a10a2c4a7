using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Live;
using TwitterAddon.Tests.Inbound;

namespace TwitterAddon.Tests.Operations;

/// <summary>What an operator's Prometheus scrapes from the real host, and its health endpoints.</summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private InboundHarness harness = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => harness = await InboundHarness.StartAsync();

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task Metrics_CountAcksAndXCalls_AndShowTheQueues_WithoutSigningIn()
    {
        Assert.Equal(HttpStatusCode.OK, (await harness.PostSignedAsync(SignedPayloads.DirectMessage("8801", "1000000002", "Hello"))).StatusCode);
        await harness.EventsAfterProcessingAsync(1);

        var scrape = await harness.Http.GetAsync("metrics", Ct);
        var text = await scrape.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("twitteraddon_events_acknowledged_total", text, StringComparison.Ordinal);
        // Begin Setup checked the keys with X: the call is counted under its endpoint, with X's status.
        Assert.Contains("twitteraddon_x_calls_total{otel_scope_name=\"TwitterAddon\",endpoint=\"GET 1.1/account/verify_credentials.json\",status=\"200\"}", text, StringComparison.Ordinal);
        Assert.Contains("endpoint=\"POST 1.1/account_activity/all/{env}/webhooks.json\"", text, StringComparison.Ordinal);
        Assert.Contains("twitteraddon_events_waiting", text, StringComparison.Ordinal);
        Assert.Contains("twitteraddon_outbox_replies{otel_scope_name=\"TwitterAddon\",state=\"queued\"}", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveRedraws_AreTimedInBucketsAroundTheHalfSecondTarget()
    {
        // The redraw is timed as the page's handler returns: the test hears the measurement itself.
        var timed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "twitteraddon.live.update.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => timed.TrySetResult());
        listener.Start();
        // An open inbox page.
        using var page = harness.Services.GetRequiredService<InboxNotifier>().Subscribe(_ => Task.CompletedTask);

        Assert.Equal(HttpStatusCode.OK, (await harness.PostSignedAsync(SignedPayloads.DirectMessage("8802", "1000000002", "Hello"))).StatusCode);
        await timed.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var text = await harness.Http.GetStringAsync("metrics", Ct);

        // Sub-second buckets: with OpenTelemetry's default ones (0, 5, 10, ... s) every redraw fell in one.
        const string series = "twitteraddon_live_update_duration_seconds_bucket{otel_scope_name=\"TwitterAddon\",notifier=\"InboxNotifier\",";
        Assert.Contains(series + "le=\"0.1\"}", text, StringComparison.Ordinal);
        Assert.Contains(series + "le=\"0.5\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_AndLiveness_AnswerWithoutSigningIn()
    {
        Assert.Equal(HttpStatusCode.OK, (await harness.Http.GetAsync("healthz", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await harness.Http.GetAsync("readyz", Ct)).StatusCode);
    }
}
