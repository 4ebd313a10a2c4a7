namespace TwitterAddon.Tests.Infrastructure;

/// <summary>
/// Tests of the portal over plain HTTP, as a browser without scripts: a real host on a fresh database, and a visitor
/// (cookies, antiforgery tokens) that can be replaced by a new one.
/// </summary>
public abstract class PortalVisitorTests : IAsyncLifetime
{
    private PortalVisitor? visitor;

    protected PortalFactory Portal { get; } = new();

    /// <summary>The current visitor (a browser's cookies and forms).</summary>
    protected PortalVisitor Visitor => visitor!;

    protected HttpClient Client => Visitor.Client;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        NewVisitor();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        visitor?.Dispose();
        await Portal.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A browser with no cookies yet.</summary>
    protected void NewVisitor()
    {
        visitor?.Dispose();
        visitor = new PortalVisitor(Portal);
    }

    protected Task<HttpResponseMessage> CreateAdminAsync() => Visitor.CreateAdminAsync();

    protected Task<HttpResponseMessage> PostFormAsync(string url, string formName, Dictionary<string, string> fields) =>
        Visitor.PostFormAsync(url, formName, fields);

    protected static string AntiforgeryToken(string html) => PortalVisitor.AntiforgeryToken(html);
}
