using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Core.Channels;

/// <summary>
/// The channels of the connected account and their rules (one of each kind, unique names, icons by content).
/// The inbound and reply paths read channel settings through here too, so the rules live in one place.
/// </summary>
public sealed partial class ChannelService(
    IDbContextFactory<TwitterAddonDbContext> contexts, ChannelFormValidator validator, InboxNotifier inbox, TimeProvider clock, ILogger<ChannelService> logger)
{
    public async Task<IReadOnlyList<ChannelSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Channels.AsNoTracking().OrderBy(c => c.Kind).ThenBy(c => c.Id).Select(ChannelSummary.Of).ToListAsync(cancellationToken);
    }

    /// <summary>A channel's stored icon and its version, for the icon URL; null when it has none.</summary>
    public async Task<(byte[] Bytes, string ContentType, int Version)?> IconAsync(int channelId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var icon = await db.Channels.AsNoTracking().Where(c => c.Id == channelId && c.Icon != null)
            .Select(c => new { c.Icon, c.IconContentType, c.IconVersion }).FirstOrDefaultAsync(cancellationToken);
        return icon is null ? null : (icon.Icon!, icon.IconContentType ?? "application/octet-stream", icon.IconVersion);
    }

    public async Task<ChannelOutcome> AddAsync(ChannelKind kind, ChannelForm form, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accountUserId = await db.XAccounts.OrderBy(a => a.Id).Select(a => a.UserId).FirstOrDefaultAsync(cancellationToken);
        if (accountUserId is null)
        {
            return ChannelOutcome.Refused("Connect the X account in Setup first: channels belong to it.");
        }

        if (await db.Channels.AnyAsync(c => c.AccountUserId == accountUserId && c.Kind == kind, cancellationToken))
        {
            return ChannelOutcome.Refused($"The account already has its {Describe(kind)} channel: X sends each event once, so a second one would get nothing. Edit the existing one.");
        }

        if (await CheckAsync(db, form, accountUserId, exceptId: null, cancellationToken) is { } refusal)
        {
            return ChannelOutcome.Refused(refusal);
        }

        var channel = new Channel { AccountUserId = accountUserId, Kind = kind, Name = form.Name.Trim(), CreatedAt = clock.GetUtcNow() };
        var newKey = Apply(channel, form);
        db.Channels.Add(channel);
        if (!await SaveAsync(db, cancellationToken))
        {
            return ChannelOutcome.Refused("A channel with that name or kind was added at the same moment. Reload the page.");
        }

        LogChannel(logger, "added", kind, channel.Name, actor);
        return ChannelOutcome.Ok(newKey);
    }

    public async Task<ChannelOutcome> UpdateAsync(int id, ChannelForm form, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Channels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } channel)
        {
            return ChannelOutcome.Refused("That channel no longer exists.");
        }

        if (await CheckAsync(db, form, channel.AccountUserId, exceptId: id, cancellationToken) is { } refusal)
        {
            return ChannelOutcome.Refused(refusal);
        }

        channel.Name = form.Name.Trim();
        var newKey = Apply(channel, form);
        if (!await SaveAsync(db, cancellationToken))
        {
            return ChannelOutcome.Refused("Another channel took that name at the same moment. Choose another.");
        }

        LogChannel(logger, "edited", channel.Kind, channel.Name, actor);
        // Open conversations show the channel's name and icon, and their reply boxes its toggles: they redraw now.
        inbox.EverythingChanged();
        return ChannelOutcome.Ok(newKey);
    }

    /// <summary>Takes effect at once: the inbound path reads <see cref="Channel.IsActive"/> for every event.</summary>
    public async Task<ChannelOutcome> SetActiveAsync(int id, bool active, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Channels.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsActive, active), cancellationToken);
        if (updated == 0)
        {
            return ChannelOutcome.Refused("That channel no longer exists.");
        }

        LogChannelId(logger, active ? "activated" : "deactivated", id, actor);
        return ChannelOutcome.Ok();
    }

    public async Task<ChannelOutcome> RotateApiKeyAsync(int id, string actor, CancellationToken cancellationToken)
    {
        var key = ChannelApiKey.New();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Channels.Where(c => c.Id == id && c.Kind == ChannelKind.DirectMessage && c.InboundType == InboundEventType.TwitterApi)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ApiKeyHash, ChannelApiKey.Hash(key)), cancellationToken);
        if (updated == 0)
        {
            return ChannelOutcome.Refused("Only a Direct Message channel with the Twitter API inbound type has an API key.");
        }

        LogChannelId(logger, "rotated the API key of", id, actor);
        return ChannelOutcome.Ok(key);
    }

    /// <summary>Its conversations stay readable in the inbox; no new message arrives through it.</summary>
    public async Task<ChannelOutcome> DeleteAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Channels.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } channel)
        {
            return ChannelOutcome.Ok();
        }

        db.Channels.Remove(channel);
        await db.SaveChangesAsync(cancellationToken);
        LogChannel(logger, "deleted", channel.Kind, channel.Name, actor);
        inbox.EverythingChanged();
        return ChannelOutcome.Ok();
    }

    public static string Describe(ChannelKind kind) => kind == ChannelKind.DirectMessage ? "Direct Message" : "Twitter Mention";

    private async Task<string?> CheckAsync(TwitterAddonDbContext db, ChannelForm form, string accountUserId, int? exceptId, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(form, cancellationToken);
        if (!validation.IsValid)
        {
            return string.Join(" ", validation.Errors.Select(e => e.ErrorMessage));
        }

        var name = form.Name.Trim();
        var taken = await db.Channels.AnyAsync(c => c.AccountUserId == accountUserId && c.Name == name && c.Id != exceptId, cancellationToken);
        return taken ? "Another channel of this account has that name." : null;
    }

    /// <summary>Copies the form onto the channel; returns a new API key when the channel just switched to Twitter API.</summary>
    private static string? Apply(Channel channel, ChannelForm form)
    {
        if (form.UseDefaultIcon)
        {
            channel.SetIcon(null);
        }
        else if (form.Icon is not null)
        {
            channel.SetIcon(form.Thumbnail);
        }

        if (channel.Kind == ChannelKind.Mention)
        {
            (channel.DmDeepLink, channel.AgentInitial) = (form.DmDeepLink, form.AgentInitial);
            return null;
        }

        channel.InboundType = form.InboundType;
        if (channel.InboundType == InboundEventType.TwitterWebhook)
        {
            channel.ApiKeyHash = null;
            return null;
        }

        if (channel.ApiKeyHash is not null)
        {
            return null;
        }

        var key = ChannelApiKey.New();
        channel.ApiKeyHash = ChannelApiKey.Hash(key);
        return key;
    }

    private static async Task<bool> SaveAsync(TwitterAddonDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: {Action} {Kind} channel \"{Name}\" by {Actor}")]
    private static partial void LogChannel(ILogger logger, string action, ChannelKind kind, string name, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: {Action} channel {ChannelId} by {Actor}")]
    private static partial void LogChannelId(ILogger logger, string action, int channelId, string actor);
}
