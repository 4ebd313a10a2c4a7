using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Concurrency;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Twitter;

namespace TwitterAddon.Core.Inbound;

/// <summary>
/// Names the customers X delivered by id only: a v2 reply or quote may come with an empty <c>includes</c>, so its
/// author is a bare id until <c>GET /2/users</c> says who it is (up to 100 per call, one call per round). Nothing in
/// the inbox waits for this; the name and avatar appear live when X answers. When X cannot be asked (down, rate
/// limited, the account's access gone) it waits a while and asks again; an id X does not know stays an id.
/// </summary>
public sealed partial class ContactProfileWorker(
    IDbContextFactory<TwitterAddonDbContext> contexts,
    ContactProfileSignal signal,
    WorkerLeases leases,
    IXApiV2 x,
    SecretProtector protector,
    InboxNotifier inboxNotifier,
    TimeProvider clock,
    ILogger<ContactProfileWorker> logger) : DrainingWorker(signal, PollInterval, clock, logger)
{
    /// <summary>The <see cref="WorkerLease"/> of the one instance that looks profiles up.</summary>
    public const string LeaseName = "contact-profiles";

    /// <summary>X's limit of ids per lookup.</summary>
    public const int BatchSize = 100;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMinutes(1);

    /// <summary>After X could not answer, the next try waits this long (the poll, not every wake-up, brings it).</summary>
    public static readonly TimeSpan WaitAfterFailure = TimeSpan.FromMinutes(5);

    private DateTimeOffset nextTry = DateTimeOffset.MinValue;

    public override async Task<int> DrainOnceAsync(CancellationToken cancellationToken)
    {
        // One instance looks profiles up (each lookup is billed by X); another takes over if it stops renewing.
        if (Clock.GetUtcNow() < nextTry || !await leases.HoldAsync(LeaseName, cancellationToken))
        {
            return 0;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var account = await db.XAccounts.AsNoTracking().OrderBy(a => a.Id).FirstOrDefaultAsync(cancellationToken);
        if (account is null || !account.Tier.UsesApiV2() || account.AccessRevoked || protector.CredentialsOf(account) is not { } credentials)
        {
            return 0;
        }

        var wanted = await db.Contacts.Where(c => c.ProfileWanted).OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (wanted.Count == 0)
        {
            return 0;
        }

        IReadOnlyList<Twitter.Payloads.XUser> found;
        try
        {
            found = await x.GetUsersAsync(credentials, [.. wanted.Select(c => c.XUserId)], cancellationToken);
        }
        catch (XApiException e)
        {
            nextTry = Clock.GetUtcNow() + WaitAfterFailure;
            LogLookupFailed(logger, wanted.Count, e.Message);
            return 0;
        }

        var byId = found.ToDictionary(u => u.IdStr, StringComparer.Ordinal);
        var now = Clock.GetUtcNow();
        foreach (var contact in wanted)
        {
            if (byId.TryGetValue(contact.XUserId, out var user))
            {
                contact.UpdateProfile(user.Name, user.ScreenName, user.ProfileImageUrlHttps, now);
            }
            else
            {
                contact.NoProfileAtX();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        // Names and avatars show in every row and thread that customer is in.
        inboxNotifier.EverythingChanged();
        return wanted.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up {Count} customers' profiles at X: {Reason}; trying again later")]
    private static partial void LogLookupFailed(ILogger logger, int count, string reason);
}
