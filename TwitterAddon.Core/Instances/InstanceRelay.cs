using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Live;
using TwitterAddon.Core.Outbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Core.Instances;

/// <summary>
/// Carries what one instance changes to the others on the same PostgreSQL database, through its LISTEN/NOTIFY (no
/// extra server): the wake-ups of the leased workers (an event acked here, the lease holder elsewhere), the inbox's
/// and Setup's live changes, and the webhooks' consumer secrets (protected with the shared key ring). Each instance
/// tells the others what it changed and applies what they tell it, without telling anyone again. On SQLite there is
/// one process and this does nothing. When its connection drops it connects again, and since it may have missed
/// changes meanwhile, its pages reload and its workers look for work.
/// </summary>
public sealed partial class InstanceRelay(
    DatabaseLocation database,
    WorkerLeases leases,
    InboundSignal inbound,
    OutboxSignal outbox,
    ContactProfileSignal profiles,
    InboxNotifier inbox,
    AccountActivityNotifier accounts,
    ConsumerSecrets secrets,
    ConsumerSecretsLoader secretsLoader,
    SecretProtector protector,
    TimeProvider clock,
    ILogger<InstanceRelay> logger) : BackgroundService
{
    public const string Channel = "twitteraddon";
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private readonly Channel<RelayMessage> outgoing = System.Threading.Channels.Channel.CreateUnbounded<RelayMessage>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly TaskCompletionSource firstListening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True while this instance listens to the others (always false on SQLite).</summary>
    public bool Listening { get; private set; }

    /// <summary>Completes once this instance first listens to the others (never on SQLite).</summary>
    public Task FirstListening => firstListening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        using var tell = Tell();
        await using var source = NpgsqlDataSource.Create(database.ConnectionString);
        await Task.WhenAll(PublishAsync(source, stoppingToken), ListenAsync(stoppingToken));
    }

    /// <summary>Sends this instance's changes, a burst at a time: repeats within a burst go once.</summary>
    private async Task PublishAsync(NpgsqlDataSource source, CancellationToken stoppingToken)
    {
        try
        {
            while (await outgoing.Reader.WaitToReadAsync(stoppingToken))
            {
                var burst = new List<RelayMessage>();
                while (outgoing.Reader.TryRead(out var message))
                {
                    burst.Add(message);
                }

                foreach (var message in RelayBurst.Merge(burst))
                {
                    await NotifyAsync(source, message, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync(NpgsqlDataSource source, RelayMessage message, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = source.CreateCommand("SELECT pg_notify($1, $2)");
                command.Parameters.Add(new NpgsqlParameter { Value = Channel });
                command.Parameters.Add(new NpgsqlParameter { Value = message.Payload });
                await command.ExecuteNonQueryAsync(stoppingToken);
                return;
            }
            catch (NpgsqlException e) when (attempt < 3)
            {
                LogNotifyRetried(logger, message.Kind, e);
                await Task.Delay(Reconnect, clock, stoppingToken);
            }
            catch (NpgsqlException e)
            {
                // The workers still poll; pages on the others see it at their next change or reconnect.
                LogNotifyFailed(logger, message.Kind, e);
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        // Keepalive: a server that went away unseen is noticed within seconds, not when the next notification would be.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString) { KeepAlive = 5 }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Receive(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                Listening = true;
                firstListening.TrySetResult();
                // Whatever the others changed before this instance listened (at its start, or while the connection was down).
                await CatchUpAsync(stoppingToken);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever broke, the relay lives on (an exception out of here would stop the host).
                Listening = false;
                LogListenFailed(logger, e);
                await Task.Delay(Reconnect, clock, stoppingToken);
            }
        }
    }

    /// <summary>What the others changed while this instance was not listening is unknown: everything is read again.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await secretsLoader.LoadAsync(cancellationToken);
        inbox.ChangedOnAnotherInstance(null);
        accounts.NotifyFromAnotherInstance();
        inbound.RaiseFromAnotherInstance();
        outbox.RaiseFromAnotherInstance();
        profiles.RaiseFromAnotherInstance();
    }

    private void Receive(string payload)
    {
        try
        {
            if (RelayMessage.Parse(payload) is { } message && message.Instance != leases.Holder)
            {
                Apply(message);
            }
        }
        catch (Exception e)
        {
            LogReceiveFailed(logger, e);
        }
    }

    private void Apply(RelayMessage message)
    {

        switch (message.Kind)
        {
            case RelayMessage.WakeInbound: inbound.RaiseFromAnotherInstance(); break;
            case RelayMessage.WakeOutbox: outbox.RaiseFromAnotherInstance(); break;
            case RelayMessage.WakeProfiles: profiles.RaiseFromAnotherInstance(); break;
            case RelayMessage.Account: accounts.NotifyFromAnotherInstance(); break;
            case RelayMessage.Inbox: inbox.ChangedOnAnotherInstance(message.ConversationIds()); break;
            case RelayMessage.Secret: ReceiveSecret(message); break;
        }
    }

    private void ReceiveSecret(RelayMessage message)
    {
        var (key, protectedSecret) = message.SecretChange();
        try
        {
            secrets.ChangedOnAnotherInstance(key, protectedSecret is null ? null : protector.Unprotect(protectedSecret));
        }
        catch (CryptographicException e)
        {
            LogSecretUnreadable(logger, e);
        }
    }

    /// <summary>Subscribes to this instance's own changes; disposing it unsubscribes.</summary>
    private Subscriptions Tell()
    {
        var me = leases.Holder;
        void Send(RelayMessage message) => outgoing.Writer.TryWrite(message);
        Action wakeInbound = () => Send(new(me, RelayMessage.WakeInbound, ""));
        Action wakeOutbox = () => Send(new(me, RelayMessage.WakeOutbox, ""));
        Action wakeProfiles = () => Send(new(me, RelayMessage.WakeProfiles, ""));
        Action account = () => Send(new(me, RelayMessage.Account, ""));
        Action<IReadOnlyCollection<int>?> inboxChanged = ids => Send(RelayMessage.InboxChanged(me, ids));
        Action<string, string?> secretChanged = (key, secret) =>
            Send(RelayMessage.SecretChanged(me, key, secret is null ? null : protector.Protect(secret)));
        inbound.Raised += wakeInbound;
        outbox.Raised += wakeOutbox;
        profiles.Raised += wakeProfiles;
        accounts.Notified += account;
        inbox.Changed += inboxChanged;
        secrets.Changed += secretChanged;
        return new Subscriptions(() =>
        {
            inbound.Raised -= wakeInbound;
            outbox.Raised -= wakeOutbox;
            profiles.Raised -= wakeProfiles;
            accounts.Notified -= account;
            inbox.Changed -= inboxChanged;
            secrets.Changed -= secretChanged;
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not tell the other instances of a change ({Kind}); they see it when they next look")]
    private static partial void LogNotifyFailed(ILogger logger, string kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other instances of a change ({Kind}); trying again in a second")]
    private static partial void LogNotifyRetried(ILogger logger, string kind, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not apply another instance's change")]
    private static partial void LogReceiveFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection that hears the other instances; connecting again in a second")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Another instance sent a webhook secret this one cannot decrypt: do all instances share the database's key ring (DataProtection:KeysFolder unset)?")]
    private static partial void LogSecretUnreadable(ILogger logger, Exception exception);

    private sealed class Subscriptions(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
