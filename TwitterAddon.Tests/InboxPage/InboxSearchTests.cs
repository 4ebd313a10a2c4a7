using System.Data.Common;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;
using InboxPageComponent = TwitterAddon.Web.Components.Pages.Inbox.Inbox;

namespace TwitterAddon.Tests.InboxPage;

/// <summary>
/// Searching the inbox: long searches are refused with a message, a search of any content answers, a slow search
/// holds up no other agent's live update, and a replaced search stops running.
/// </summary>
public sealed class InboxSearchTests : CoreMudTestContext
{
    private static readonly TimeSpan Seen = TimeSpan.FromSeconds(10);
    private readonly HeldSearches searches = new();

    public InboxSearchTests()
    {
        Auth.SetAuthorized("john@example.com");
        Services.ConfigureDbContext<TwitterAddonDbContext>(o => o.AddInterceptors(searches));
    }

    [Fact]
    public void ASearchOverTheLimit_IsRefusedWithAMessage_AndRunsNoQuery()
    {
        searches.Release.SetResult();
        var page = Render<InboxPageComponent>();

        page.Find("input[data-testid=search]").Input(new string('a', ConversationFilter.SearchMaxLength + 1));

        page.WaitForAssertion(() => Assert.Contains($"Search for at most {ConversationFilter.SearchMaxLength} characters.", page.Markup), Seen);
        Assert.Equal(0, searches.Started);
    }

    [Theory]
    [InlineData("\"quoted\" OR NOT x*")]
    [InlineData("\udfff lone surrogate")]
    [InlineData("%_\\")]
    public async Task ASearchOfAnyContent_Answers_AndSaysWhenNothingMatches(string search)
    {
        searches.Release.SetResult();
        await AddConversationAsync("5000", "Jane Doe");
        var page = Render<InboxPageComponent>();
        page.WaitForAssertion(() => Assert.Contains("Jane Doe", page.Markup), Seen);

        page.Find("input[data-testid=search]").Input(search);

        page.WaitForAssertion(() => Assert.Contains("No conversation matches these filters.", page.Markup), Seen);
    }

    [Fact]
    public async Task ASlowSearch_DelaysNoOtherAgent_AndIsCancelledWhenReplaced()
    {
        await AddConversationAsync("5000", "Old Customer");
        var searching = Render<InboxPageComponent>();
        var other = Render<InboxPageComponent>();
        other.WaitForAssertion(() => Assert.Contains("Old Customer", other.Markup), Seen);

        searching.Find("input[data-testid=search]").Input("where is my order");
        searching.WaitForAssertion(() => Assert.True(searches.Started >= 1), Seen);

        // The search is still running (held) when a DM arrives: the other agent sees it all the same.
        Services.GetRequiredService<InboxNotifier>().ConversationChanged(await AddConversationAsync("5001", "Jane Doe"));
        other.WaitForAssertion(() => Assert.Contains("Jane Doe", other.Markup), Seen);
        Assert.Equal(0, searches.Cancelled);

        searching.Find("input[data-testid=search]").Input("refund");
        searching.WaitForAssertion(() => Assert.True(searches.Cancelled >= 1), Seen);

        searches.Release.SetResult();
        searching.WaitForAssertion(() => Assert.Contains("No conversation matches these filters.", searching.Markup), Seen);
    }

    private async Task<int> AddConversationAsync(string customerId, string name)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        var customer = Contact.Of(customerId, name, "customer_" + customerId);
        var conversation = Conversation.StartDirectMessage("1000000001", customer, DateTimeOffset.UtcNow);
        var message = Message.FromCustomer("dm-" + customerId, "Hello, I have a question.", DateTimeOffset.UtcNow, customer);
        conversation.Add(message);
        db.Messages.Add(message);
        await db.SaveChangesAsync(Ct);
        return conversation.Id;
    }

    /// <summary>Holds every search query (FTS5 MATCH, or LIKE for short words) until released, as a search over a large inbox would take its time.</summary>
    private sealed class HeldSearches : DbCommandInterceptor
    {
        private int started;
        private int cancelled;

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Started => Volatile.Read(ref started);

        public int Cancelled => Volatile.Read(ref cancelled);

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains(" LIKE ", StringComparison.Ordinal) || command.CommandText.Contains(" MATCH ", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref started);
                try
                {
                    await Release.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref cancelled);
                    throw;
                }
            }

            return result;
        }
    }
}
