using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Emulator.Webhooks;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Accounts;

/// <summary>The webhook key is the secret part of the add-on's address: no log line carries it, Development's included.</summary>
public sealed class WebhookKeyInLogsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConnectingAndReceiving_LogTheWebhookCallsWithoutTheKey()
    {
        var logs = new LogCapture();
        await using var portal = new PortalFactory { ExtraServices = s => s.AddSingleton<ILoggerProvider>(logs) };
        var address = portal.StartOnLoopback();
        using (var scope = portal.Services.CreateScope())
        {
            var connected = await scope.ServiceProvider.GetRequiredService<AccountConnector>().ConnectAsync(AccountConnectorTests.SandboxForm(), "ada", false, null, Ct);
            Assert.True(connected.Succeeded, connected.Message);
        }

        await using var db = await portal.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        var key = (await db.XAccounts.SingleAsync(Ct)).WebhookKey;

        Assert.Contains(logs.Lines, line => line.Contains("/webhooks/twitter/***?*", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Contains(key, StringComparison.Ordinal));
        Assert.Equal("http://h:1/webhooks/twitter/***?*", RedactedWebhookLogger.Redact(new Uri($"http://h:1/webhooks/twitter/{key}?crc_token=x")));
        Assert.NotNull(address);
    }

    private sealed class LogCapture : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
