using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TwitterAddon.Core.Team;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Team;

public class TeamServiceTests : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private CoreHost host = default!;

    public async ValueTask InitializeAsync() => host = await CoreHost.StartAsync(provider: Provider);

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task FreshDatabase_HasNoMembers()
    {
        Assert.False(await Service().HasAnyMemberAsync(Ct));
    }

    [Fact]
    public async Task FirstAdministrator_IsCreatedAsAdmin_EvenIfTheFormSaysAgent()
    {
        var outcome = await Service().CreateFirstAdministratorAsync(Form("Ada Admin", "ada@example.com", TeamRoles.Agent), Ct);

        Assert.True(outcome.Succeeded, outcome.Error);
        var member = Assert.Single(await Service().ListAsync(Ct));
        Assert.Equal(("Ada Admin", "ada@example.com", TeamRoles.Admin, true), (member.DisplayName, member.Email, member.Role, member.IsActive));
    }

    [Fact]
    public async Task SecondFirstAdministrator_IsRefused_AndNothingIsSaved()
    {
        await Service().CreateFirstAdministratorAsync(Form("Ada Admin", "ada@example.com"), Ct);

        var outcome = await Service().CreateFirstAdministratorAsync(Form("Eve Intruder", "eve@example.com"), Ct);

        Assert.False(outcome.Succeeded);
        Assert.Contains("already exists", outcome.Error);
        Assert.Single(await Service().ListAsync(Ct));
    }

    [Fact]
    public async Task ConcurrentFirstRuns_CreateExactlyOneAdministrator()
    {
        var attempts = Enumerable.Range(0, 6).Select(i =>
            Service().CreateFirstAdministratorAsync(Form($"Admin {i}", $"admin{i}@example.com"), Ct));

        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(await Service().ListAsync(Ct));
    }

    [Fact]
    public async Task AddMember_StoresTrimmedNameAndEmail_WithTheChosenRole()
    {
        var admin = await AddAdminAsync();

        var outcome = await Service().AddMemberAsync(Form("  John   Doe ", " john@example.com ", TeamRoles.Agent), admin, Ct);

        Assert.True(outcome.Succeeded, outcome.Error);
        var john = (await Service().ListAsync(Ct)).Single(m => m.Email == "john@example.com");
        Assert.Equal(("John   Doe", TeamRoles.Agent), (john.DisplayName, john.Role));
    }

    [Theory]
    [InlineData("", "x@example.com", "correct horse battery", "Enter the person's name.")]
    [InlineData("Jo", "not-an-email", "correct horse battery", "Enter a valid email address, like name@example.com.")]
    [InlineData("Jo", "x@example.com", "short", "Use at least 10 characters.")]
    [InlineData("Jo", "x@example.com", "aaaaaaaaaaaa", "Use at least 4 different characters.")]
    public async Task AddMember_WithBadInput_IsRefusedWithTheMessage_AndSavesNothing(
        string name, string email, string password, string message)
    {
        var admin = await AddAdminAsync();

        var outcome = await Service().AddMemberAsync(
            new NewTeamMember { DisplayName = name, Email = email, Password = password }, admin, Ct);

        Assert.False(outcome.Succeeded);
        Assert.Contains(message, outcome.Error);
        Assert.Single(await Service().ListAsync(Ct));
    }

    [Fact]
    public async Task AddMember_WithAnEmailInUse_InAnyCase_IsRefused()
    {
        var admin = await AddAdminAsync();

        var outcome = await Service().AddMemberAsync(Form("Twin", "ADA@Example.com"), admin, Ct);

        Assert.False(outcome.Succeeded);
        Assert.Equal(TeamService.DuplicateEmailMessage, outcome.Error);
    }

    [Fact]
    public async Task Deactivate_StopsSignIn_AndReactivate_AllowsItAgain()
    {
        var admin = await AddAdminAsync();
        await Service().AddMemberAsync(Form("John Doe", "john@example.com"), admin, Ct);
        var john = (await Service().ListAsync(Ct)).Single(m => m.Email == "john@example.com");

        Assert.True((await Service().SetActiveAsync(john.Id, false, admin, Ct)).Succeeded);
        Assert.False(await CanSignInAsync(john.Id));

        Assert.True((await Service().SetActiveAsync(john.Id, true, admin, Ct)).Succeeded);
        Assert.True(await CanSignInAsync(john.Id));
    }

    [Fact]
    public async Task Deactivate_ChangesTheSecurityStamp_SoOpenSessionsEnd()
    {
        var admin = await AddAdminAsync();
        await Service().AddMemberAsync(Form("John Doe", "john@example.com"), admin, Ct);
        var johnId = (await Service().ListAsync(Ct)).Single(m => m.Email == "john@example.com").Id;
        var before = await StampAsync(johnId);

        await Service().SetActiveAsync(johnId, false, admin, Ct);

        Assert.NotEqual(before, await StampAsync(johnId));
    }

    [Fact]
    public async Task DeactivatingYourself_IsRefused()
    {
        var admin = await AddAdminAsync();

        var outcome = await Service().SetActiveAsync(admin, false, admin, Ct);

        Assert.False(outcome.Succeeded);
        Assert.Contains("yourself", outcome.Error);
    }

    [Fact]
    public async Task DeactivatingTheLastActiveAdmin_IsRefused()
    {
        var admin = await AddAdminAsync();
        await Service().AddMemberAsync(Form("Second Admin", "second@example.com", TeamRoles.Admin), admin, Ct);
        var second = (await Service().ListAsync(Ct)).Single(m => m.Email == "second@example.com").Id;
        await Service().SetActiveAsync(admin, false, second, Ct);

        // "admin" is deactivated now; "second" asks an agent-free team to lose its last admin.
        var outcome = await Service().SetActiveAsync(second, false, admin, Ct);

        Assert.False(outcome.Succeeded);
        Assert.Contains("last active admin", outcome.Error);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TeamService Service() => host.CreateScope().ServiceProvider.GetRequiredService<TeamService>();

    private async Task<string> AddAdminAsync()
    {
        await Service().CreateFirstAdministratorAsync(Form("Ada Admin", "ada@example.com"), Ct);
        return (await Service().ListAsync(Ct)).Single().Id;
    }

    private async Task<bool> CanSignInAsync(string memberId)
    {
        await using var scope = host.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TeamMember>>();
        var member = await users.FindByIdAsync(memberId);
        var confirmation = scope.ServiceProvider.GetRequiredService<IUserConfirmation<TeamMember>>();
        return await confirmation.IsConfirmedAsync(users, member!);
    }

    private async Task<string?> StampAsync(string memberId)
    {
        await using var scope = host.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TeamMember>>();
        return await users.GetSecurityStampAsync((await users.FindByIdAsync(memberId))!);
    }

    private static NewTeamMember Form(string name, string email, string role = TeamRoles.Agent) =>
        new() { DisplayName = name, Email = email, Password = "correct horse battery", Role = role };
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class TeamServiceTestsOnPostgreSql : TeamServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
