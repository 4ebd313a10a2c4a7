using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>A browser without JavaScript on the portal: its own cookies, the SSR forms posted as a browser posts them.</summary>
public sealed partial class PortalVisitor : IDisposable
{
    public const string AdminEmail = "ada@example.com";
    public const string AdminPassword = "correct horse battery";

    /// <param name="clientAddress">The network address the portal sees this visitor come from (one shared address when null).</param>
    public PortalVisitor(PortalFactory portal, string? clientAddress = null)
    {
        Client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (clientAddress is not null)
        {
            Client.DefaultRequestHeaders.Add(PortalFactory.ClientAddressHeader, clientAddress);
        }
    }

    public HttpClient Client { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>First run: creates the administrator, which signs this visitor in.</summary>
    public Task<HttpResponseMessage> CreateAdminAsync() =>
        PostFormAsync("/first-run", "first-run", new()
        {
            ["Input.DisplayName"] = "Ada Admin",
            ["Input.Email"] = AdminEmail,
            ["Input.Password"] = AdminPassword,
        });

    public Task<HttpResponseMessage> SignInAsync(string email = AdminEmail, string password = AdminPassword, string? returnUrl = null) =>
        PostFormAsync("/account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)), "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>Posts a Blazor SSR form the way a browser does: with the page's antiforgery token and form name.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string formName, Dictionary<string, string> fields)
    {
        var page = await Client.GetStringAsync(url, Ct);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        fields["_handler"] = formName;
        return await Client.PostAsync(url, new FormUrlEncodedContent(fields), Ct);
    }

    public static string AntiforgeryToken(string html) =>
        WebUtility.HtmlDecode(AntiforgeryInput().Match(html).Groups[1].Value);

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();
}
