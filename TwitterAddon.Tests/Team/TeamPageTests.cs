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
    public async Task Deactivate_ThenReactivate_UpdatesTheStatusInPlace()
    {
        await Services.GetRequiredService<TeamService>().AddMemberAsync(
            new NewTeamMember { DisplayName = "John Doe", Email = "john@example.com", Password = "agent password 1" }, adminId, Ct);
        var page = Render<TeamPage>();
        page.WaitForAssertion(() => Assert.Contains("john@example.com", page.Markup));

        await page.FindAll("button").First(b => b.TextContent.Trim() == "Deactivate").ClickAsync();
        page.WaitForAssertion(() => Assert.Contains("Deactivated", page.Find("[data-testid=team-table] tbody").TextContent));

        await page.FindAll("button").First(b => b.TextContent.Trim() == "Reactivate").ClickAsync();
        page.WaitForAssertion(() => Assert.DoesNotContain("Deactivated", page.Find("[data-testid=team-table] tbody").TextContent));
    }
}
