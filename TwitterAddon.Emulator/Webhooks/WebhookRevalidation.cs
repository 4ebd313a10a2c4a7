using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Webhooks;

/// <summary>X's periodic CRC: a webhook that fails it is marked invalid and gets no events until a PUT.</summary>
public sealed class WebhookRevalidation(EmulatorWorld world, CrcChallenger challenger, IOptions<EmulatorOptions> options, TimeProvider clock)
    : BackgroundService
{
    public async Task CheckAllAsync(CancellationToken cancellationToken)
    {
        List<(EmulatedWebhook Webhook, string Secret)> webhooks;
        lock (world.Gate)
        {
            webhooks = [.. world.Apps.SelectMany(a => a.Environments.SelectMany(e => e.Webhooks.Select(w => (w, a.ConsumerSecret))))];
        }

        foreach (var (webhook, secret) in webhooks)
        {
            var failure = await challenger.ChallengeAsync(webhook.Url, secret, cancellationToken);
            lock (world.Gate)
            {
                webhook.Valid = failure is null;
            }
        }

        world.NotifyChanged();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CrcInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckAllAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
