using TwitterAddon.Core.Persistence;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Webhooks;

namespace TwitterAddon.Tests.Inbound;

/// <summary>
/// Signed deliveries whose text is odd but not wrong: an escaped lone surrogate, a byte order mark, bytes that are not
/// UTF-8, texts and names far over X's limits. Each is acknowledged and reaches the inbox, read as well as it can be,
/// cut to what is kept, and the event says what was cut.
/// </summary>
public class OddTextTests : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private InboundHarness harness = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => harness = await InboundHarness.StartAsync(provider: Provider);

    public async ValueTask DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task AnEscapedLoneSurrogate_IsReadAsAReplacementCharacter()
    {
        var body = SignedPayloads.DirectMessage("9101", "1000000002", "broken PLACEHOLDER text").Replace("PLACEHOLDER", "\\udfff\\ud83d", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await harness.PostSignedAsync(body)).StatusCode);

        var message = await OnlyMessageAsync();
        Assert.Equal("broken \uFFFD\uFFFD text", message.Text);
    }

    [Fact]
    public async Task AnEscapedNul_IsReadAsAReplacementCharacter_WhichEveryDatabaseKeeps()
    {
        var body = SignedPayloads.DirectMessage("9103", "1000000002", "nul PLACEHOLDER here").Replace("PLACEHOLDER", "\\u0000", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await harness.PostSignedAsync(body)).StatusCode);

        Assert.Equal("nul \uFFFD here", (await OnlyMessageAsync()).Text);
    }

    [Fact]
    public async Task AByteOrderMark_AndBytesThatAreNotUtf8_DoNotKeepADmOut()
    {
        var json = Encoding.UTF8.GetBytes(SignedPayloads.DirectMessage("9102", "1000000002", "caf\u00e9 XX"));
        var bad = Array.IndexOf(json, (byte)'X');
        json[bad] = 0xC3;
        json[bad + 1] = 0x28;
        byte[] body = [0xEF, 0xBB, 0xBF, .. json];

        Assert.Equal(HttpStatusCode.OK, (await harness.PostAsync(body, WebhookSignature.Sign(InboundHarness.ConsumerSecret, body))).StatusCode);

        Assert.Equal("caf\u00e9 \uFFFD(", (await OnlyMessageAsync()).Text);
    }

    [Fact]
    public async Task AHugeDm_AndAHugeName_AreCutToWhatIsKept_AndTheEventSaysSo()
    {
        var text = string.Concat(Enumerable.Repeat("spam \U0001F600 ", 55_000));
        var body = SignedPayloads.DirectMessage("9103", "1000000002", text)
            .Replace("\"Sender 1000000002\"", "\"" + new string('N', 3_802) + "\"", StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(body), 900_000, 1024 * 1024);

        Assert.Equal(HttpStatusCode.OK, (await harness.PostSignedAsync(body)).StatusCode);

        var message = await OnlyMessageAsync();
        Assert.InRange(message.Text.Length, Message.MaxStoredTextLength - 8, Message.MaxStoredTextLength);
        Assert.False(char.IsHighSurrogate(message.Text[^1]), "The cut split an emoji.");
        Assert.Equal(Contact.NameMaxLength, message.AuthorContact!.Name.Length);
        var stored = Assert.Single(await harness.EventsAfterProcessingAsync(1));
        Assert.Contains($"DM text cut from {text.Length:N0} to {Message.MaxStoredTextLength:N0} characters", stored.Outcome);
        Assert.Contains("name cut from 3,802 to 100 characters", stored.Outcome);
    }

    private async Task<Message> OnlyMessageAsync()
    {
        var stored = Assert.Single(await harness.EventsAfterProcessingAsync(1));
        Assert.Equal(InboundEventStatus.Processed, stored.Status);
        await using var db = await harness.Contexts().CreateDbContextAsync(Ct);
        return await db.Messages.Include(m => m.AuthorContact).SingleAsync(Ct);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class OddTextTestsOnPostgreSql : OddTextTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
