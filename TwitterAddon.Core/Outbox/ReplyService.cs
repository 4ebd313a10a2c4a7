using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Outbox;

/// <summary>
/// An agent's Send: the reply is checked exactly as the composer showed it, written to the database as
/// queued, and the call returns; <see cref="OutboxWorker"/> posts it. What an agent sent is never lost.
/// </summary>
public sealed class ReplyService(
    IDbContextFactory<TwitterAddonDbContext> contexts, OutboxSignal outbox, InboxNotifier notifier, TimeProvider clock)
{
    /// <param name="confirmedText">
    /// The final text the agent's composer showed when they pressed Send; when the channel's settings changed since,
    /// the reply is refused so that nothing is posted that the agent has not seen. Null for callers without a preview.
    /// </param>
    public async Task<ReplyOutcome> SendAsync(
        int conversationId, string? text, string agentName, string? confirmedText, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.Include(c => c.Contact).FirstOrDefaultAsync(c => c.Id == conversationId, cancellationToken);
        if (conversation is null)
        {
            return ReplyOutcome.Refused("This conversation no longer exists.");
        }

        var channel = conversation.ChannelId is { } channelId ? await db.Channels.FirstOrDefaultAsync(c => c.Id == channelId, cancellationToken) : null;
        var preview = ReplyPreview.For(conversation.Kind, text,
            new ReplySettings(conversation.AccountUserId, agentName, channel?.DmDeepLink ?? false, channel?.AgentInitial ?? false));
        if (preview.IsEmpty)
        {
            return ReplyOutcome.Refused("Write a reply first.");
        }

        if (confirmedText is not null && confirmedText != preview.FinalText)
        {
            return ReplyOutcome.Refused(
                "The channel's settings changed while you were writing, so the reply would not be posted as shown. Check the new preview and press Send again.",
                previewChanged: true);
        }

        if (preview.IsOver)
        {
            return ReplyOutcome.Refused(conversation.Kind == ChannelKind.Mention
                ? $"The reply is {preview.Length} characters as X counts them; the limit is {preview.Limit}. Shorten it."
                : $"The DM is {preview.Length:N0} characters; X allows {preview.Limit:N0}. Shorten it.");
        }

        if (await db.XAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == conversation.AccountUserId, cancellationToken) is not { } account)
        {
            return ReplyOutcome.Refused(InboxService.AccountDisconnected);
        }

        // A mention reply answers the customer's latest tweet in the thread; X adds the @handles itself.
        var (answers, refusal) = await ReplyRule.CheckAsync(db, conversation, account, cancellationToken);
        if (refusal is not null)
        {
            return ReplyOutcome.Refused(refusal);
        }

        var inReplyTo = answers?.XId;
        if (conversation.Kind == ChannelKind.Mention && inReplyTo is null)
        {
            return ReplyOutcome.Refused("There is no customer tweet in this thread to reply to.");
        }

        var message = Message.Reply(preview.FinalText, agentName, inReplyTo, clock.GetUtcNow());
        conversation.AddReply(message);
        db.Messages.Add(message);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Raise();
        notifier.ConversationChanged(message.ConversationId);
        return new ReplyOutcome(true, null, message.Id);
    }

    /// <summary>The agent's Retry on a failed reply: queued again, from a fresh attempt count.</summary>
    public async Task<ReplyOutcome> RetryAsync(long messageId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null || !message.Retry())
        {
            return ReplyOutcome.Refused("Only a failed reply can be retried.");
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReplyOutcome.Refused("Only a failed reply can be retried.");
        }

        outbox.Raise();
        notifier.ConversationChanged(message.ConversationId);
        return new ReplyOutcome(true, null, messageId);
    }
}
