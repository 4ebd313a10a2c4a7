using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Portal;

/// <summary>
/// A channel icon is stored as a small thumbnail and served from its own cacheable URL: the inbox page never
/// embeds it, so its size does not grow with the icon or the number of conversations.
/// </summary>
public sealed class ChannelIconServingTests : IAsyncLifetime
{
    private const int PageSizeBudget = 300 * 1024;
    private readonly PortalFactory portal = new();
    private PortalVisitor visitor = default!;
    private ChannelSummary channel = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        visitor = new PortalVisitor(portal);
        await visitor.CreateAdminAsync();
        await portal.Services.AddBareAccountAsync();

        using var scope = portal.Services.CreateScope();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        var icon = NoisePng(580, 580);
        Assert.InRange(icon.Length, 900 * 1024, ChannelIcon.MaxBytes);
        Assert.True((await channels.AddAsync(ChannelKind.DirectMessage, new() { Name = "X DMs", Icon = icon }, "ada", Ct)).Succeeded);
        channel = (await channels.ListAsync(Ct)).Single();

        await using (var db = await portal.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            for (var i = 0; i < 50; i++)
            {
                var customer = Contact.Of($"{5000 + i}", $"Customer {i}", $"customer_{i}");
                var conversation = Conversation.StartDirectMessage("1000000001", customer, DateTimeOffset.UtcNow);
                conversation.RouteTo(channel.Id);
                var message = Message.FromCustomer($"dm-{i}", "Where is my order? " + new string('x', 100), DateTimeOffset.UtcNow, customer);
                conversation.Add(message);
                db.Messages.Add(message);
            }

            await db.SaveChangesAsync(Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        visitor.Dispose();
        await portal.DisposeAsync();
    }

    [Fact]
    public async Task TheInboxWithFiftyConversations_AndAOneMegabyteIcon_StaysUnder300KB_AndLinksTheIcon()
    {
        var html = await visitor.Client.GetStringAsync("/inbox", Ct);

        Assert.Contains("Customer 49", html);
        Assert.DoesNotContain("data:image/png;base64", html);
        Assert.Contains(channel.IconUrl!, html);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(html), 0, PageSizeBudget);
    }

    [Fact]
    public async Task TheIcon_IsAThumbnail_CachedForGood_AndRevalidatedByItsETag()
    {
        using var response = await visitor.Client.GetAsync(channel.IconUrl, Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        using var image = SKBitmap.Decode(bytes);

        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal((ChannelIcon.ThumbnailSize, ChannelIcon.ThumbnailSize), (image.Width, image.Height));
        Assert.True(response.Headers.CacheControl!.Private && response.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(365), response.Headers.CacheControl.ToString());
        Assert.Contains("immutable", response.Headers.CacheControl.Extensions.Select(e => e.Name));
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());

        using var again = new HttpRequestMessage(HttpMethod.Get, channel.IconUrl);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await visitor.Client.SendAsync(again, Ct)).StatusCode);
    }

    [Fact]
    public async Task ANewIcon_GetsANewUrl_AndTheOldUrlLeadsToIt()
    {
        using var scope = portal.Services.CreateScope();
        var channels = scope.ServiceProvider.GetRequiredService<ChannelService>();
        await channels.UpdateAsync(channel.Id, new() { Name = "X DMs", Icon = NoisePng(40, 40) }, "ada", Ct);
        var updated = (await channels.ListAsync(Ct)).Single();

        Assert.NotEqual(channel.IconUrl, updated.IconUrl);
        using var old = await visitor.Client.GetAsync(channel.IconUrl, Ct);
        Assert.Equal((HttpStatusCode.Redirect, updated.IconUrl), (old.StatusCode, old.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task IconsAreForSignedInTeamMembersOnly()
    {
        using var stranger = new PortalVisitor(portal);

        using var response = await stranger.Client.GetAsync(channel.IconUrl, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    /// <summary>Random pixels: a PNG that does not compress, so a 580 x 580 one (3 bytes a pixel once opaque) is close to 1 MB.</summary>
    private static byte[] NoisePng(int width, int height)
    {
        var random = new Random(5);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
