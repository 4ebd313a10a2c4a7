using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>The inbox as the inbound worker would write it, for page tests: conversations, and a customer writing again in one.</summary>
public static class InboxSeed
{
    public static async Task AddCustomerMessageAsync(this IServiceProvider services, int conversationId, string text)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(ct);
        var conversation = await db.Conversations.Include(c => c.Contact).SingleAsync(c => c.Id == conversationId, ct);
        var message = Message.FromCustomer("dm-" + Guid.NewGuid().ToString("N"), text, DateTimeOffset.UtcNow, conversation.Contact);
        conversation.Add(message);
        db.Messages.Add(message);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Conversations with one customer message each, a second apart from <paramref name="start"/>, the first the oldest.</summary>
    public static async Task<List<int>> AddConversationsAsync(this IServiceProvider services, int count, string text, DateTimeOffset start)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(ct);
        var conversations = new List<Conversation>();
        for (var i = 0; i < count; i++)
        {
            var customer = Contact.Of($"{6000 + i}", $"Customer {i}", $"customer_{i}");
            var conversation = Conversation.StartDirectMessage("1000000001", customer, start.AddSeconds(i));
            var message = Message.FromCustomer($"dm-{i}", text, start.AddSeconds(i), customer);
            conversation.Add(message);
            db.Messages.Add(message);
            conversations.Add(conversation);
        }

        await db.SaveChangesAsync(ct);
        return conversations.ConvertAll(c => c.Id);
    }
}
