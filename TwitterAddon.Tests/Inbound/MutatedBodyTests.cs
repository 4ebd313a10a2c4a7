using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Tests.Inbound;

/// <summary>
/// A fuzz test: thousands of signed bodies, each a valid DM with a unique id mutated at random (bytes flipped,
/// cut short, doubled, fields removed). The webhook never answers 5xx, and every event ends either fully in
/// the inbox or not at all: a failed event leaves no message, a processed one leaves exactly one.
/// </summary>
public sealed class MutatedBodyTests : IAsyncLifetime
{
    private const int Bodies = 2000;
    private InboundHarness harness = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => harness = await InboundHarness.StartAsync();

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task MutatedBodies_NeverGet5xx_AndNothingIsHalfWritten()
    {
        var random = new Random(20261125);
        var sent = new List<(string EventId, HttpStatusCode Status)>();
        for (var start = 0; start < Bodies; start += 50)
        {
            var chunk = Enumerable.Range(start, 50).Select(async i =>
            {
                var eventId = (700000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var body = Mutate(Encoding.UTF8.GetBytes(SignedPayloads.DirectMessage(eventId, "1000000002", "fuzz " + i)), new Random(random.Next()));
                using var response = await harness.PostAsync(body, Core.Webhooks.WebhookSignature.Sign(InboundHarness.ConsumerSecret, body));
                return (eventId, response.StatusCode);
            });
            sent.AddRange(await Task.WhenAll(chunk));
        }

        Assert.DoesNotContain(sent, s => (int)s.Status >= 500);
        Assert.All(sent, s => Assert.Equal(HttpStatusCode.OK, s.Status));
        var events = await harness.EventsAfterProcessingAsync(Bodies);
        await using var db = await harness.Contexts().CreateDbContextAsync(Ct);
        var messageIds = (await db.Messages.Select(m => m.XId).ToListAsync(Ct)).ToHashSet();
        foreach (var stored in events)
        {
            // The DM id the mutation left in the body, if any: a read event put exactly it in the inbox, a failed one nothing.
            var id = System.Text.RegularExpressions.Regex.Match(Encoding.UTF8.GetString(stored.Body), "\"id\":\"(7\\d{5})\"") is { Success: true } m ? m.Groups[1].Value : null;
            if (stored.Status == InboundEventStatus.Failed)
            {
                Assert.False(string.IsNullOrWhiteSpace(stored.Outcome));
                Assert.True(id is null || !messageIds.Contains(id)
                    || events.Any(e => e.Id != stored.Id && e.Status == InboundEventStatus.Processed && Encoding.UTF8.GetString(e.Body).Contains(id, StringComparison.Ordinal)));
            }
            else if (stored.Status == InboundEventStatus.Processed && id is not null)
            {
                Assert.Contains(id, messageIds);
            }
        }

        // Every message has its conversation and contact: no event left half of its rows behind.
        Assert.Equal(await db.Messages.CountAsync(Ct), await db.Messages.CountAsync(m => m.Conversation.Contact != null, Ct));
        Assert.True(events.Count(e => e.Status == InboundEventStatus.Failed) > Bodies / 10, "the mutations should break many bodies");
        Assert.True(messageIds.Count > Bodies / 10, "some bodies should survive their mutation");
        Assert.Equal(messageIds.Count, events.Count(e => e.Status == InboundEventStatus.Processed));
    }

    private static byte[] Mutate(byte[] body, Random random)
    {
        switch (random.Next(6))
        {
            case 0:
                return body;
            case 1:
                var flipped = (byte[])body.Clone();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    flipped[random.Next(flipped.Length)] = (byte)random.Next(256);
                }

                return flipped;
            case 2:
                return body[..random.Next(body.Length)];
            case 3:
                return [.. body, .. body];
            case 4:
                var text = Encoding.UTF8.GetString(body);
                var field = new[] { "\"sender_id\"", "\"message_data\"", "\"id\"", "\"type\"", "\"users\"", "\"target\"" }[random.Next(6)];
                return Encoding.UTF8.GetBytes(text.Replace(field, "\"x" + random.Next(100) + "\"", StringComparison.Ordinal));
            default:
                var bytes = new byte[random.Next(1, 200)];
                random.NextBytes(bytes);
                return bytes;
        }
    }
}
