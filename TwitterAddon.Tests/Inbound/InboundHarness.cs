using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbound;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Twitter.OAuth;
using TwitterAddon.Core.Webhooks;
using TwitterAddon.Tests.Accounts;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Inbound;

/// <summary>
/// The real portal on loopback with the sandbox account connected through Begin Setup and both channels
/// added: customers act through the emulator's control API, X's deliveries reach the real webhook.
/// </summary>
public sealed class InboundHarness : IAsyncDisposable
{
    public const string AccountId = "1000000001";
    public const string ConsumerSecret = "sandbox-consumer-secret";

    private readonly PortalFactory portal;

    private InboundHarness(PortalFactory portal)
    {
        this.portal = portal;
    }

    public HttpClient Http { get; private set; } = default!;

    public HttpClient Control { get; private set; } = default!;

    public string WebhookKey { get; private set; } = "";

    public IServiceProvider Services => portal.Services;

    public static OAuthCredentials AccountCredentials =>
        new("sandbox-consumer-key", ConsumerSecret, "1000000001-sandboxaccesstoken", "sandbox-access-token-secret");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="configure">Settings for the host before it starts.</param>
    /// <param name="form">What Begin Setup is given; the Sandbox demo keys on the v1.1 Sandbox tier unless said.</param>
    public static async Task<InboundHarness> StartAsync(
        bool withChannels = true, Action<PortalFactory>? configure = null, TestDatabase? database = null, SetupForm? form = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var portal = new PortalFactory(database: database, provider: provider);
        configure?.Invoke(portal);
        var harness = new InboundHarness(portal);
        try
        {
            await harness.ConnectAsync(withChannels, form);
            return harness;
        }
        catch
        {
            // The test never gets the harness to dispose: its host and database would be left running.
            await harness.DisposeAsync();
            throw;
        }
    }

    private async Task ConnectAsync(bool withChannels, SetupForm? form)
    {
        var address = portal.StartOnLoopback();
        Http = new HttpClient { BaseAddress = address };
        Control = new HttpClient { BaseAddress = new Uri(address, "emulator/control/") };
        using var scope = Services.CreateScope();
        var connected = await scope.ServiceProvider.GetRequiredService<AccountConnector>()
            .ConnectAsync(form ?? AccountConnectorTests.SandboxForm(), "ada", false, null, Ct);
        Assert.True(connected.Succeeded, connected.Message);
        if (withChannels)
        {
            var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
            Assert.True((await channels.AddAsync(ChannelKind.DirectMessage, new() { Name = "DMs" }, "ada", Ct)).Succeeded);
            Assert.True((await channels.AddAsync(ChannelKind.Mention, new() { Name = "Mentions", DmDeepLink = true }, "ada", Ct)).Succeeded);
        }

        await using var db = await Contexts().CreateDbContextAsync(Ct);
        WebhookKey = (await db.XAccounts.SingleAsync(Ct)).WebhookKey;
    }

    /// <summary>
    /// A second host on a database an earlier harness left: a restart. Its emulator finds the world the first one kept
    /// beside the database; at another <paramref name="port"/> than the first, X's webhook points at an address gone.
    /// </summary>
    public static async Task<InboundHarness> ResumeAsync(TestDatabase database, int? port = null)
    {
        var harness = new InboundHarness(new PortalFactory(database: database));
        var address = harness.portal.StartOnLoopback(port: port);
        harness.Http = new HttpClient { BaseAddress = address };
        harness.Control = new HttpClient { BaseAddress = new Uri(address, "emulator/control/") };
        await using var db = await harness.Contexts().CreateDbContextAsync(Ct);
        harness.WebhookKey = (await db.XAccounts.SingleAsync(Ct)).WebhookKey;
        return harness;
    }

    public IDbContextFactory<TwitterAddonDbContext> Contexts() => Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>();

    /// <summary>The emulator's control API: customers, faults, what the account sent.</summary>
    public EmulatorControl X => new(Control);

    public Task<JsonObject> CustomerDmAsync(string sender, string text) => X.CustomerDmAsync(sender, text);

    /// <summary>A customer's tweet in the emulator; returns its id_str.</summary>
    public Task<string> CustomerTweetAsync(string author, string text, string? inReplyTo = null, string? quoted = null) =>
        X.CustomerTweetAsync(author, text, inReplyTo, quoted);

    public async Task<HttpResponseMessage> PostSignedAsync(string json, string? key = null, string? secret = null)
    {
        var body = Encoding.UTF8.GetBytes(json);
        return await PostAsync(body, WebhookSignature.Sign(secret ?? ConsumerSecret, body), key);
    }

    public async Task<HttpResponseMessage> PostAsync(byte[] body, string? signature, string? key = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"webhooks/twitter/{key ?? WebhookKey}") { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        }

        return await Http.SendAsync(request, Ct);
    }

    /// <summary>Waits until <paramref name="count"/> events are stored and none is pending.</summary>
    public async Task<List<InboundEvent>> EventsAfterProcessingAsync(int count)
    {
        var handled = ChangeSignal.OnInboundHandled(Services, out var subscription);
        using (subscription)
        {
            return await handled.UntilAsync(async () =>
            {
                await using var db = await Contexts().CreateDbContextAsync(Ct);
                var events = await db.InboundEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
                return events.Count >= count && events.All(e => e.Status != InboundEventStatus.Pending) ? events : null;
            }, $"{count} events were not all stored and handled.", TimeSpan.FromSeconds(20));
        }
    }

    public async Task<List<Message>> MessagesAsync()
    {
        await using var db = await Contexts().CreateDbContextAsync(Ct);
        return await db.Messages.AsNoTracking().Include(m => m.Conversation).ThenInclude(c => c.Contact).Include(m => m.AuthorContact)
            .OrderBy(m => m.Id).ToListAsync(Ct);
    }

    public async Task<List<Conversation>> ConversationsAsync()
    {
        await using var db = await Contexts().CreateDbContextAsync(Ct);
        return await db.Conversations.AsNoTracking().Include(c => c.Contact).OrderBy(c => c.Id).ToListAsync(Ct);
    }

    public async Task SetChannelActiveAsync(ChannelKind kind, bool active)
    {
        using var scope = Services.CreateScope();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        var id = (await channels.ListAsync(Ct)).Single(c => c.Kind == kind).Id;
        Assert.True((await channels.SetActiveAsync(id, active, "ada", Ct)).Succeeded);
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        Control?.Dispose();
        await portal.DisposeAsync();
    }
}
