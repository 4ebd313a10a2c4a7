using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Webhooks;

/// <summary>
/// POSTs queued payloads with <c>x-twitter-webhooks-signature</c> over the exact body bytes. Anything but a
/// 2xx within the deadline is a failure; Premium tries again after 3 s, 27 s and 242 s, Sandbox drops it.
/// </summary>
public sealed class WebhookDeliveryWorker(
    WebhookDeliveries deliveries, EmulatorWorld world, IHttpClientFactory httpClients,
    IOptions<EmulatorOptions> options, TimeProvider clock) : BackgroundService
{
    private const int ConcurrentDeliveries = 32;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(ConcurrentDeliveries);
        try
        {
            await foreach (var delivery in deliveries.Pending.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                _ = DeliverAsync(delivery, stoppingToken).ContinueWith(_ => slots.Release(), TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        var (status, outcome) = await PostAsync(delivery, stoppingToken);
        var delays = options.Value.PremiumRetryDelays;
        var retryIn = outcome != "delivered" && TierLimits.RetriesDeliveries(delivery.Tier) && delivery.Attempt < delays.Count
            ? delays[delivery.Attempt]
            : (TimeSpan?)null;
        deliveries.Record(new DeliveryRecord(world.Now, delivery.WebhookUrl, delivery.ForUserId, delivery.Attempt, status, outcome, retryIn));
        if (retryIn is not { } wait)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, clock, stoppingToken);
            deliveries.Retry(delivery);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<(int? Status, string Outcome)> PostAsync(WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        using var content = new ByteArrayContent(delivery.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.WebhookUrl) { Content = content };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(delivery.ConsumerSecret, delivery.Body));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(options.Value.WebhookDeadline);
        try
        {
            using var response = await httpClients.CreateClient(CrcChallenger.HttpClientName).SendAsync(request, deadline.Token);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? "delivered" : "rejected");
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return (null, "timed out");
        }
        catch (HttpRequestException e)
        {
            return (null, "unreachable: " + e.Message);
        }
    }
}
