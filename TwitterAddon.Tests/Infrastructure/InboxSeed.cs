using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>The inbox as the inbound worker would change it, for page tests: a customer writes again in a conversation.</summary>
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
}
