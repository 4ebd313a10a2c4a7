using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Persistence;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>bUnit with MudBlazor, Core's real services on a fresh migrated SQLite file, and a signed-in user to configure.</summary>
public abstract class CoreMudTestContext : MudTestContext, IAsyncLifetime
{
    private readonly TestDatabase database = new();

    protected CoreMudTestContext()
    {
        Services.AddCoreForTests(database.Settings, database.Folder);
        Auth = AddAuthorization();
    }

    protected BunitAuthorizationContext Auth { get; }

    protected static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public virtual async ValueTask InitializeAsync() =>
        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(Ct);

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
        GC.SuppressFinalize(this);
    }
}
