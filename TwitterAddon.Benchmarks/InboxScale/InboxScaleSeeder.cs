using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Benchmarks.InboxScale;

/// <summary>
/// Fills an inbox to a busy brand's year: <see cref="Size.Messages"/> messages in <see cref="Size.Conversations"/>
/// conversations from <see cref="Size.Customers"/> customers, over the last 365 days. It writes the inbox's rows with the
/// domain's own methods, as the inbound worker does (a customer's DM or post added to its conversation, an agent's
/// reply added and recorded sent, conversations read or resolved), so the database triggers index them for search as
/// they would in production. Not written: the stored webhook deliveries and usage counts, which the inbox never reads.
/// </summary>
public static class InboxScaleSeeder
{
    public sealed record Size(int Messages = 1_000_000, int Conversations = 100_000, int Customers = 60_000);

    /// <summary>Conversations per save: about 10,000 messages, one transaction each.</summary>
    private const int ConversationsPerSave = 1_000;

    public static async Task SeedAsync(
        IDbContextFactory<TwitterAddonDbContext> contexts, Size size, string accountUserId, int? dmChannelId, int? mentionChannelId, TextWriter log)
    {
        var corpus = new InboxCorpus();
        var watch = Stopwatch.StartNew();
        var customers = Enumerable.Range(0, size.Customers)
            .Select(i => Contact.Of($"{3_000_000_000L + i}", corpus.CustomerName(), $"customer_{i}")).ToList();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Contacts.AddRange(customers);
            await db.SaveChangesAsync();
        }

        var now = DateTimeOffset.UtcNow;
        var hasDm = new bool[size.Customers];
        var written = 0;
        for (var first = 0; first < size.Conversations; first += ConversationsPerSave)
        {
            await using var db = await contexts.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(first + ConversationsPerSave, size.Conversations); i++)
            {
                // Started in time order over the year, so message ids follow time as they do in a real inbox; the last
                // ones end a day before now (at most 40 messages 90 minutes apart), so what arrives live is the newest.
                var startedAt = now.AddDays(-368) + TimeSpan.FromDays(365.0 * i / size.Conversations);
                var customerIndex = i < size.Customers ? i : corpus.Next(size.Customers);
                var customer = customers[customerIndex];
                db.Contacts.Attach(customer);
                // Pairs of conversations share out the messages around the average, so the total is exact.
                var average = size.Messages / size.Conversations;
                var spread = corpus.Next(Math.Max(1, average));
                var count = i % 2 == 0 ? average - spread : average + spread;
                if (i == size.Conversations - 1)
                {
                    count = size.Messages - written;
                }

                written += count;
                var isDm = !hasDm[customerIndex] && corpus.Next(10) < 6;
                hasDm[customerIndex] |= isDm;
                Add(db, corpus, (accountUserId, customer), isDm, startedAt, count, isDm ? dmChannelId : mentionChannelId, $"{1_800_000_000_000_000_000L + i}");
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            if (first / ConversationsPerSave % 10 == 9)
            {
                await log.WriteLineAsync($"seeded {written:N0} messages in {first + ConversationsPerSave:N0} conversations ({watch.Elapsed.TotalSeconds:F0} s)");
            }
        }
    }

    private static void Add(
        TwitterAddonDbContext db, InboxCorpus corpus, (string Account, Contact Customer) between, bool isDm, DateTimeOffset startedAt, int count, int? channelId,
        string rootId)
    {
        var customer = between.Customer;
        var conversation = isDm
            ? Conversation.StartDirectMessage(between.Account, customer, startedAt)
            : Conversation.StartThread(between.Account, rootId, customer, startedAt);
        conversation.RouteTo(channelId);
        db.Conversations.Add(conversation);
        var at = startedAt;
        var lastCustomerPost = rootId;
        for (var m = 0; m < count; m++)
        {
            at = at.AddMinutes(1 + corpus.Next(90));
            var xId = Guid.NewGuid().ToString("N");
            if (m % 3 == 2)
            {
                // Every third message is an agent's answer, on X and echoed back.
                var reply = Message.Reply(corpus.Text(), "Agent " + corpus.Next(30), isDm ? null : lastCustomerPost, at);
                conversation.AddReply(reply);
                reply.RecordSent(xId, echoSeen: true);
                db.Messages.Add(reply);
                continue;
            }

            var postId = m == 0 && !isDm ? rootId : xId;
            var text = corpus.Text(longDm: isDm && corpus.Next(200) == 0);
            var message = isDm
                ? Message.FromCustomer(xId, text, at, customer)
                : Message.FromCustomer(postId, text, at, customer, inReplyToTweetId: m == 0 ? null : lastCustomerPost, summonsAccount: true);
            lastCustomerPost = postId;
            conversation.Add(message);
            db.Messages.Add(message);
        }

        // Nine in ten have been read by an agent; a fifth are resolved.
        if (corpus.Next(10) != 0)
        {
            conversation.MarkRead();
        }

        if (corpus.Next(5) == 0)
        {
            conversation.Resolve();
        }
    }
}
