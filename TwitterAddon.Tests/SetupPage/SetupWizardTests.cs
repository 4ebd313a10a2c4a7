using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TwitterAddon.Emulator;
using TwitterAddon.Emulator.World;
using TwitterAddon.Tests.Infrastructure;
using TwitterAddon.Web.Components.Pages.Setup;

namespace TwitterAddon.Tests.SetupPage;

public sealed class SetupWizardTests : CoreMudTestContext
{
    public SetupWizardTests()
    {
        Services.AddSingleton(Options.Create(new EmulatorOptions { Enabled = true }));
        Auth.SetAuthorized("ada@example.com");
    }

    [Fact]
    public async Task Wizard_WalksXsPortalSteps_ForTodaysX_WithOneSetOfActions()
    {
        var wizard = Render<SetupWizard>();

        var titles = wizard.FindAll(".mud-step-label-content").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["Your X access", "Developer access", "Create an app", "Permissions", "Access Token", "Env Label", "Connect"], titles);
        Assert.Contains("Pay-per-use", wizard.Find("[data-testid=tier]").TextContent);
        Assert.DoesNotContain(wizard.FindAll("button"), b => b.TextContent.Trim() is "Skip" or "Complete" or "Previous");

        await wizard.Find("[data-testid=wizard-next]").ClickAsync();

        // The step left behind is ticked; the console's address is a link.
        wizard.WaitForAssertion(() => Assert.Single(wizard.FindAll(".mud-step.mud-step-completed, .mud-step-completed")));
        Assert.Equal("https://developer.x.com", wizard.Find("a[href='https://developer.x.com']").GetAttribute("href"));
        await wizard.Find("[data-testid=wizard-back]").ClickAsync();
        await wizard.FindAll(".mud-step")[3].ClickAsync();
        wizard.WaitForAssertion(() => Assert.Contains("Regenerate the access token afterwards", wizard.Markup));
        await wizard.FindAll(".mud-step")[5].ClickAsync();
        wizard.WaitForAssertion(() => Assert.Contains("Today's X has no dev environments", wizard.Markup));

        // On Connect, Save and Cancel are the only actions.
        await wizard.FindAll(".mud-step")[6].ClickAsync();
        wizard.WaitForAssertion(() => Assert.NotEmpty(wizard.FindAll("[data-testid=save-setup]")));
        Assert.Empty(wizard.FindAll("[data-testid=wizard-next]"));
        Assert.DoesNotContain(wizard.FindAll("button"), b => b.TextContent.Trim() is "Complete" or "Previous" or "Next");
    }

    [Fact]
    public async Task ChoosingALegacyTier_TurnsTheGuideToTheDevEnvironmentsOfV11()
    {
        var wizard = Render<SetupWizard>();

        await wizard.FindAll("[data-testid=tier] input[type=radio]")[3].ClickAsync();

        wizard.WaitForAssertion(() => Assert.Contains("Environment", wizard.FindAll(".mud-step-label-content").Select(e => e.TextContent.Trim())));
        Assert.Contains("deprecated in 2023", wizard.Find("[data-testid=tier-explanation]").TextContent);
        await wizard.FindAll(".mud-step")[1].ClickAsync();
        wizard.WaitForAssertion(() => Assert.Contains("X deprecated it in 2023, and new apps cannot get it", wizard.Markup));
    }

    [Fact]
    public async Task Save_WithAnEmptyForm_ShowsWhatEachFieldNeeds_AndCallsNobody()
    {
        var wizard = await OpenFormAsync();

        await wizard.Find("[data-testid=save-setup]").ClickAsync();

        wizard.WaitForAssertion(() =>
        {
            Assert.Contains("Paste the API Key from your app", wizard.Markup);
            Assert.Contains("Paste the API Key Secret.", wizard.Markup);
            Assert.Contains("Paste the Access Token.", wizard.Markup);
            Assert.Contains("Paste the Access Token Secret.", wizard.Markup);
            Assert.Contains("Enter the Env Label", wizard.Markup);
        });
        Assert.Empty(wizard.FindAll("[data-testid=connect-progress]"));
    }

    [Fact]
    public async Task UseSandboxCredentials_FillsTheForm_WithTheSecretsHidden()
    {
        var wizard = await OpenFormAsync();

        await wizard.Find("[data-testid=use-sandbox-credentials]").ClickAsync();

        var values = wizard.FindAll("input").Select(i => (i.GetAttribute("type"), i.GetAttribute("value"))).ToList();
        Assert.Contains(("text", SandboxSeed.ConsumerKey), values);
        Assert.Contains(("password", SandboxSeed.ConsumerSecret), values);
        Assert.Contains(("password", SandboxSeed.AccessTokenSecret), values);
        // On today's X the Env Label is a tag of this install's subscriptions: the demo fills one in.
        Assert.Contains(("text", "demo"), values);
    }

    [Fact]
    public async Task TheWebhookUrl_IsShown_WithAWarningWhenRealXWouldRefuseIt()
    {
        var wizard = await OpenFormAsync();

        Assert.StartsWith("http://localhost:5080/webhooks/twitter/", wizard.Find("[data-testid=webhook-url]").TextContent);
        Assert.Contains("X only calls https URLs.", wizard.Markup);
        Assert.Contains("X refuses URLs with a port.", wizard.Markup);
    }

    private async Task<IRenderedComponent<SetupWizard>> OpenFormAsync()
    {
        var wizard = Render<SetupWizard>();
        var steps = wizard.FindAll(".mud-step");
        await steps[^1].ClickAsync();
        wizard.WaitForElement("[data-testid=save-setup]");
        return wizard;
    }
}
