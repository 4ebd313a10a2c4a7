using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Concurrency;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Usage;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Inbound;

/// <summary>
/// Drains the stored events in arrival order, in batches, each batch in one transaction with the outcome of
/// every event: after a crash the unfinished batch is simply done again, and the unique X ids make that
/// harmless. Woken by <see cref="InboundSignal"/>; polls as well, so nothing waits on a lost wake-up.
/// </summary>
public sealed partial class InboundWorker(
    IDbContextFactory<TwitterAddonDbContext> contexts,
    WorkerLeases leases,
    InboundSignal signal,
    InboundEventWriter writer,
    ContactProfileSignal profileSignal,
    InboxNotifier inboxNotifier,
    AccountActivityNotifier accountNotifier,
    TimeProvider clock,
    ILogger<InboundWorker> logger) : DrainingWorker(signal, PollInterval, clock, logger)
{
    /// <summary>The <see cref="WorkerLease"/> of the one instance that drains the events.</summary>
    public const string LeaseName = "inbound";

    // Big enough to share each commit and lookup query; during a flood small, so the write lock is held briefly.
    private const int BatchSize = 256;
    private const int FloodBatchSize = 32;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    // During a flood of deliveries acks come first (X times out and retries slow ones): the worker does one
    // batch per pause and catches up when the flood ends. At ordinary rates it never pauses.
    private static readonly TimeSpan FloodPause = TimeSpan.FromMilliseconds(250);

    /// <summary>Processes one batch of pending events; returns how many there were.</summary>
    public override async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        if (!await leases.HoldAsync(LeaseName, cancellationToken))
        {
            // Another instance drains the events; this one takes over if it stops renewing.
            return 0;
        }

        List<StoredEvent> batch;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            // Only the lease holder changes pending events, so reading and classifying them need no lock.
            batch = await db.InboundEvents.AsNoTracking().Where(e => e.Status == InboundEventStatus.Pending)
                .OrderBy(e => e.Id).Take(writer.IsBusy ? FloodBatchSize : BatchSize)
                .Select(e => new StoredEvent(e.Id, e.WebhookKey, e.Source, e.Body)).ToListAsync(cancellationToken);
        }

        if (batch.Count == 0)
        {
            return 0;
        }

        var changed = new HashSet<int>();
        try
        {
            changed.UnionWith(await ProcessAsync(batch, cancellationToken));
        }
        catch (DbUpdateConcurrencyException e) when (ConcludedElsewhere(e))
        {
            // Another instance concluded these events first (it took the lease over while this one was paused):
            // its work stands, and nothing of this batch was kept. (A reply's status that the outbox changed
            // meanwhile is another conflict: the batch is redone one event at a time below.)
            LogConcludedElsewhere(logger, batch.Count);
            return batch.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Another writer (the outbox) recorded one of these X ids first, or one event trips a bug: redo them
            // one at a time, so only that event is affected (and sees the other writer's row this time).
            LogBatchRetried(logger, batch.Count, e);
            foreach (var stored in batch)
            {
                changed.UnionWith(await ProcessAloneAsync(stored, cancellationToken));
            }
        }

        inboxNotifier.ConversationsChanged(changed);
        // The Setup page's counts of processed, ignored and failed events.
        accountNotifier.Notify();
        return batch.Count;
    }

    /// <summary>The conflict was on the events' own status: another instance concluded them.</summary>
    private static bool ConcludedElsewhere(DbUpdateConcurrencyException conflict) =>
        conflict.Entries.Count > 0 && conflict.Entries.All(entry => entry.Entity is InboundEvent);

    protected override TimeSpan PauseAfterRound => writer.IsBusy ? FloodPause : TimeSpan.Zero;

    /// <summary>Processes and saves the events as one batch; returns the conversations it changed.</summary>
    private async Task<IReadOnlyCollection<int>> ProcessAsync(IReadOnlyList<StoredEvent> events, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Clock.GetUtcNow();
        var payloads = events.Select(e => (e.Id, e.WebhookKey, e.Source, Payload: Read(e.Body, now))).ToList();

        var accounts = await db.XAccounts.ToDictionaryAsync(a => a.WebhookKey, StringComparer.Ordinal, cancellationToken);
        var batches = new Dictionary<string, InboxBatch>(StringComparer.Ordinal);
        foreach (var group in payloads.Where(p => accounts.ContainsKey(p.WebhookKey)).GroupBy(p => accounts[p.WebhookKey].UserId))
        {
            var tier = accounts[group.First().WebhookKey].Tier;
            var batch = batches[group.Key] = new InboxBatch(db, group.Key, await UsageLedger.OpenAsync(db, tier, cancellationToken));
            await batch.PrefetchAsync(group.SelectMany(p => p.Payload.Items), cancellationToken);
        }

        foreach (var (id, webhookKey, source, payload) in payloads)
        {
            var account = accounts.GetValueOrDefault(webhookKey);
            var inbox = account is null ? null : batches[account.UserId];
            var (status, outcome) = await ClassifyAsync(payload, source, account, inbox, now, cancellationToken);
            Conclude(db, id, webhookKey, status, outcome, now);
        }

        foreach (var inbox in batches.Values)
        {
            await inbox.Usage.AddNewAsync(cancellationToken);
        }

        var changed = ChangedConversations.Capture(db);
        // One atomic SaveChanges for the whole batch. The lookups above ran outside it, so a row another writer
        // added meanwhile (the outbox recording the same X id) surfaces here as a unique violation, and the
        // batch is redone one event at a time.
        await db.SaveChangesAsync(cancellationToken);
        if (batches.Values.Any(b => b.MetIdOnlyContacts))
        {
            profileSignal.Raise();
        }

        return changed();
    }

    /// <summary>A stub with only the outcome columns changed: the stored body is neither reloaded nor rewritten.</summary>
    private static void Conclude(TwitterAddonDbContext db, long id, string webhookKey, InboundEventStatus status, string outcome, DateTimeOffset now)
    {
        var stub = new InboundEvent { Id = id, WebhookKey = webhookKey, Body = [] };
        db.InboundEvents.Attach(stub);
        stub.Conclude(status, outcome, now);
    }

    /// <summary>The payload, or the reason it cannot be read (kept as the failed event's outcome).</summary>
    private static ReadPayload Read(byte[] body, DateTimeOffset now)
    {
        try
        {
            return new ReadPayload(ActivityPayloadReader.Read(body, now), null);
        }
        catch (UnreadablePayloadException e)
        {
            return new ReadPayload(null, e.Message);
        }
    }

    private async Task<IReadOnlyCollection<int>> ProcessAloneAsync(StoredEvent stored, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessAsync([stored], cancellationToken);
        }
        catch (DbUpdateConcurrencyException e) when (ConcludedElsewhere(e))
        {
            // Concluded by another instance meanwhile (see the batch above).
            return [];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Marked failed with the reason, in a fresh context: nothing of the event's half-done work is kept.
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            Conclude(db, stored.Id, stored.WebhookKey, InboundEventStatus.Failed,
                "Could not be written to the inbox: " + (e.InnerException ?? e).Message, Clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return [];
        }
    }

    private async Task<(InboundEventStatus Status, string Outcome)> ClassifyAsync(
        ReadPayload read, InboundSource source, XAccount? account, InboxBatch? inbox, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (account is null || inbox is null)
        {
            return (InboundEventStatus.Ignored, "No connected account has this webhook address any more.");
        }

        if (read.Payload is not { } payload)
        {
            return (InboundEventStatus.Failed, read.Error!);
        }

        if (payload.ForUserId is { } forUser && forUser != account.UserId)
        {
            return (InboundEventStatus.Ignored, $"For X user {forUser}, not the connected account @{account.ScreenName}.");
        }

        // One X app may serve several installs (staging, production), each with its own subscriptions, tagged with its Env Label.
        if (payload.Tag is { } tag && account.Tier.UsesApiV2() && !account.TakesEventsTagged(tag))
        {
            return (InboundEventStatus.Ignored, $"Came through the subscription tagged \"{tag}\", not this install's \"{account.EnvLabel}\".");
        }

        var classifier = new InboundClassifier(inbox, now, source);
        var outcomes = new List<ItemOutcome>();
        foreach (var item in payload.Items)
        {
            if (source == InboundSource.Intermediary && !IsCustomerDirectMessage(item, account))
            {
                outcomes.Add(ItemOutcome.Ignored(NotForTheChannelKey));
                continue;
            }

            // X bills what it delivered, whatever the inbox then does with it (a deactivated channel, a duplicate).
            BillableItems.Count(inbox.Usage, item, account.UserId);
            outcomes.Add(item is RevokeItem revoke ? Revoke(account, revoke) : await classifier.ApplyAsync(item, cancellationToken));
        }

        var status = outcomes.Any(o => o.Status == InboundEventStatus.Processed) ? InboundEventStatus.Processed : InboundEventStatus.Ignored;
        var cuts = payload.Items.SelectMany(InboundLimits.Cuts).Distinct(StringComparer.Ordinal).ToList();
        var described = string.Join(" ", outcomes.Select(o => o.Description).Distinct(StringComparer.Ordinal));
        return (status, cuts.Count == 0 ? described : $"{described} Too long to keep whole: {string.Join("; ", cuts)}.");
    }

    /// <summary>
    /// The DM channel's API key brings what that channel receives, customer DMs to the account, and nothing else: with
    /// it nobody can post mentions, DMs "from the brand" or a revoke that would disconnect the account.
    /// </summary>
    private const string NotForTheChannelKey =
        "Refused from the DM channel's API key: it brings only customers' DMs to the account. Mentions, the account's own DMs and account events come through X's webhook.";

    private static bool IsCustomerDirectMessage(InboundItem item, XAccount account) =>
        item is DirectMessageItem dm && dm.SenderId != account.UserId && dm.RecipientId == account.UserId;

    /// <summary>The user took the app's access away: X already deleted the subscription; the admin must reconnect.</summary>
    private ItemOutcome Revoke(XAccount account, RevokeItem revoke)
    {
        if (revoke.UserId != account.UserId)
        {
            return ItemOutcome.Ignored($"Access revoked by X user {revoke.UserId}, not the connected account.");
        }

        account.Revoke();
        accountNotifier.Notify();
        return ItemOutcome.Processed($"@{account.ScreenName} revoked the app's access on X.");
    }

    private sealed record StoredEvent(long Id, string WebhookKey, InboundSource Source, byte[] Body);

    private sealed record ReadPayload(ActivityPayload? Payload, string? Error)
    {
        public IEnumerable<InboundItem> Items => Payload?.Items ?? [];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} inbound events were concluded by another instance first; its work stands")]
    private static partial void LogConcludedElsewhere(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} inbound events conflicted with another write; processing them one by one")]
    private static partial void LogBatchRetried(ILogger logger, int count, Exception exception);
}
