using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Team;
using TwitterAddon.Tests.Infrastructure;
using TeamPage = TwitterAddon.Web.Components.Pages.Team.Team;

namespace TwitterAddon.Tests.Team;

public sealed class TeamPageTests : CoreMudTestContext
{
    private string adminId = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var team = Services.GetRequiredService<TeamService>();
        await team.CreateFirstAdministratorAsync(
            new NewTeamMember { DisplayName = "Ada Admin", Email = "ada@example.com", Password = "correct horse battery" }, Ct);
        adminId = (await team.ListAsync(Ct)).Single().Id;
        Auth.SetAuthorized("ada@example.com");
        Auth.SetRoles(TeamRoles.Admin);
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, adminId));
    }

    [Fact]
    public void ListsTheTeam_AndMarksTheSignedInAdmin_WithoutADeactivateButton()
    {
        var page = Render<TeamPage>();

        page.WaitForAssertion(() => Assert.Contains("ada@example.com", page.Find("[data-testid=team-table]").TextContent));
        Assert.Contains("You", page.Find("[data-testid=team-table] tbody").TextContent);
        Assert.DoesNotContain("Deactivate", page.Find("[data-testid=team-table] tbody").TextContent);
    }

    [Fact]
    public async Task AddingWithEmptyFields_ShowsAMessageOnEachField_AndSavesNothing()
    {
        var page = Render<TeamPage>();

        await page.Find("[data-testid=add-member]").ClickAsync();

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Enter the person's name.", page.Markup);
            Assert.Contains("Enter an email address.", page.Markup);
            Assert.Contains("Enter a password.", page.Markup);
        });
        Assert.Single(await Services.GetRequiredService<TeamService>().ListAsync(Ct));
    }

    [Fact]
    public async Task AddingAnAgent_ShowsThemInTheList_AndClearsTheForm()
    {
        var page = Render<TeamPage>();
        Fill(page, "Display name", "John Doe");
        Fill(page, "Email", "john@example.com");
        Fill(page, "Password", "agent password 1");

        await page.Find("[data-testid=add-member]").ClickAsync();

        page.WaitForAssertion(() => Assert.Contains("john@example.com", page.Find("[data-testid=team-table]").TextContent));
        var john = (await Services.GetRequiredService<TeamService>().ListAsync(Ct)).Single(m => m.Email == "john@example.com");
        Assert.Equal(TeamRoles.Agent, john.Role);
        Assert.All(page.FindAll("input[type=text], input[type=email], input[type=password]"), i => Assert.True(string.IsNullOrEmpty(i.GetAttribute("value"))));
        // The emptied form is ready for the next person, not red with errors.
        Assert.DoesNotContain("Enter the person's name.", page.Markup);
        Assert.DoesNotContain("Enter an email address.", page.Markup);
        Assert.Empty(page.FindAll(".mud-input-error"));
        // Ready as it was: the role is Agent again, so the next person can be added at once.
        Fill(page, "Display name", "Mia Wong");
        Fill(page, "Email", "mia@example.com");
        Fill(page, "Password", "agent password 2");
        await page.Find("[data-testid=add-member]").ClickAsync();
        page.WaitForAssertion(() => Assert.Contains("mia@example.com", page.Find("[data-testid=team-table]").TextContent));
        Assert.Equal(TeamRoles.Agent, (await Services.GetRequiredService<TeamService>().ListAsync(Ct)).Single(m => m.Email == "mia@example.com").Role);
    }

    [Fact]
    public async Task AddingADuplicateEmail_SaysSoOnTheField()
    {
        var page = Render<TeamPage>();
        Fill(page, "Display name", "Ada Twin");
        Fill(page, "Email", "ADA@example.com");
        Fill(page, "Password", "agent password 1");

        await page.Find("[data-testid=add-member]").ClickAsync();

        page.WaitForAssertion(() => Assert.Contains(TeamService.DuplicateEmailMessage, page.Markup));
        Assert.Single(await Services.GetRequiredService<TeamService>().ListAsync(Ct));
    }

    [Fact]
    public async Task Deactivate_AsksFirst_ThenReactivate_UpdatesTheStatusInPlace()
    {
        await Services.GetRequiredService<TeamService>().AddMemberAsync(
            new NewTeamMember { DisplayName = "John Doe", Email = "john@example.com", Password = "agent password 1" }, adminId, Ct);
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var page = Render<TeamPage>();
        page.WaitForAssertion(() => Assert.Contains("john@example.com", page.Markup));

        // Not awaited: the click's handler waits for the dialog's answer.
        var asking = page.FindAll("button").First(b => b.TextContent.Trim() == "Deactivate").ClickAsync();
        dialogs.WaitForAssertion(() => Assert.Contains("John Doe is signed out at once", dialogs.Markup));
        await dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Cancel").ClickAsync();
        await asking;
        dialogs.WaitForAssertion(() => Assert.DoesNotContain("John Doe is signed out at once", dialogs.Markup));
        Assert.DoesNotContain("Deactivated", page.Find("[data-testid=team-table] tbody").TextContent);

        asking = page.FindAll("button").First(b => b.TextContent.Trim() == "Deactivate").ClickAsync();
        dialogs.WaitForAssertion(() => Assert.Contains("John Doe is signed out at once", dialogs.Markup));
        await dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Deactivate").ClickAsync();
        await asking;
        page.WaitForAssertion(() => Assert.Contains("Deactivated", page.Find("[data-testid=team-table] tbody").TextContent));

        await page.FindAll("button").First(b => b.TextContent.Trim() == "Reactivate").ClickAsync();
        page.WaitForAssertion(() => Assert.DoesNotContain("Deactivated", page.Find("[data-testid=team-table] tbody").TextContent));
    }
}
