using System.Security.Claims;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Channels;
using TwitterAddon.Core.Inbox;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Core.Team;
using TwitterAddon.Tests.Infrastructure;
using StartPage = TwitterAddon.Web.Components.Pages.Home;

namespace TwitterAddon.Tests.HomePage;

/// <summary>The start page shows where the install stands: what is done, and what comes next.</summary>
public sealed class HomePageTests : CoreMudTestContext
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
        Auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, adminId));
    }

    [Fact]
    public void AFreshInstall_MarksConnectingXAsNext_AndNothingDone()
    {
        Auth.SetRoles(TeamRoles.Admin);

        var page = Render<StartPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=step-setup]")));
        Assert.NotEmpty(page.FindAll("[data-testid=step-setup] [data-testid=step-next]"));
        Assert.Empty(page.FindAll("[data-testid=step-done]"));
        Assert.Equal("Not connected yet.", page.Find("[data-testid=step-setup] [data-testid=step-state]").TextContent);
        Assert.Equal("Only you so far.", page.Find("[data-testid=step-team] [data-testid=step-state]").TextContent);
    }

    [Fact]
    public async Task AColleagueAdded_TicksTheTeamStep()
    {
        Auth.SetRoles(TeamRoles.Admin);
        await Services.GetRequiredService<TeamService>().AddMemberAsync(
            new NewTeamMember { DisplayName = "John Doe", Email = "john@example.com", Password = "agent password 1" }, adminId, Ct);

        var page = Render<StartPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=step-team] [data-testid=step-done]")));
        Assert.Equal("1 colleague can sign in.", page.Find("[data-testid=step-team] [data-testid=step-state]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=step-setup] [data-testid=step-next]"));
    }

    [Fact]
    public void AnAgent_SeesOnlyTheInboxStep()
    {
        Auth.SetRoles(TeamRoles.Agent);

        var page = Render<StartPage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".home-step")));
        Assert.Equal("No reply sent yet.", page.Find("[data-testid=step-inbox] [data-testid=step-state]").TextContent);
    }

    [Fact]
    public async Task WhatIsDone_IsTicked_WithItsState_AndTheFirstStepLeftIsNext()
    {
        Auth.SetRoles(TeamRoles.Admin);
        await Services.AddBareAccountAsync();
        await Services.GetRequiredService<ChannelService>().AddAsync(ChannelKind.DirectMessage, new ChannelForm { Name = "DMs" }, "ada@example.com", Ct);
        await using (var db = await Services.GetRequiredService<IDbContextFactory<TwitterAddonDbContext>>().CreateDbContextAsync(Ct))
        {
            var customer = Contact.Of("5000", "Jane Doe", "jane_doe");
            var conversation = Conversation.StartDirectMessage("1000000001", customer, DateTimeOffset.UtcNow);
            var reply = Message.Reply("On its way", "Ada Admin", null, DateTimeOffset.UtcNow);
            conversation.AddReply(reply);
            reply.RecordSent("dm-900", echoSeen: true);
            db.Messages.Add(reply);
            await db.SaveChangesAsync(Ct);
        }

        var page = Render<StartPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=step-inbox] [data-testid=step-done]")));
        Assert.Equal("The team has answered customers.", page.Find("[data-testid=step-inbox] [data-testid=step-state]").TextContent);
        // Connected, but the stored webhook is not valid: done, with the warning that X delivers nothing.
        Assert.NotEmpty(page.FindAll("[data-testid=step-setup] [data-testid=step-done]"));
        Assert.Equal("@AcmeSupport is connected but not receiving: see Setup.", page.Find("[data-testid=step-setup] [data-testid=step-state]").TextContent);
        Assert.Equal("1 of 2 channels active.", page.Find("[data-testid=step-channels] [data-testid=step-state]").TextContent);
        Assert.NotEmpty(page.FindAll("[data-testid=step-channels] [data-testid=step-next]"));
        Assert.Single(page.FindAll("[data-testid=step-next]"));
    }

    [Theory]
    [InlineData(TeamRoles.Admin, true)]
    [InlineData(TeamRoles.Agent, false)]
    public async Task At80PercentOfTheXBudget_AdminsAreWarned_AgentsAreNot(string role, bool warned)
    {
        Auth.SetRoles(role);
        await Services.AddBareAccountAsync(AccountTier.PayPerUse);
        await Services.SaveBudgetAsync(0.05m);
        await Services.CountDmsReceivedAsync(4, AccountTier.PayPerUse);

        var page = Render<StartPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".home-step")));
        Assert.Equal(warned, page.FindAll("[data-testid=budget-alert]").Count == 1);
        if (warned)
        {
            Assert.Contains("80 % of this month's X budget is spent", page.Find("[data-testid=budget-alert]").TextContent);
        }
    }
}
