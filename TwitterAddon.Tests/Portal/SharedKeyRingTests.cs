using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Portal;

/// <summary>On PostgreSQL every instance reads the Data Protection key ring from the database: a sign-in on one holds on the other.</summary>
public sealed class SharedKeyRingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignInOnOneInstance_IsSignedInOnTheOther_WithTheKeysInTheDatabase()
    {
        using var database = TestDatabase.For(DatabaseProvider.PostgreSql);
        await using var a = new PortalFactory(database: database);
        await using var b = new PortalFactory(database: database);
        using var visitor = new PortalVisitor(a);
        var signedIn = await visitor.CreateAdminAsync();
        var cookie = string.Join("; ", signedIn.Headers.GetValues("Set-Cookie")
            .Where(c => c.StartsWith("TwitterAddon.Auth", StringComparison.Ordinal)).Select(c => c.Split(';')[0]));
        Assert.NotEmpty(cookie);

        using var onB = b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/team");
        request.Headers.Add("Cookie", cookie);
        var page = await onB.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        await using var db = await b.Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(Ct));
        Assert.False(Directory.Exists(Path.Combine(database.Folder, "keys")));
    }
}
