using Microsoft.AspNetCore.Components;
using TwitterAddon.Emulator.Json;
using TwitterAddon.Emulator.World;

namespace TwitterAddon.Web.Components.Pages.Sandbox;

/// <summary>The emulator's face: play a customer, see DM and public threads live as X would show them.</summary>
public sealed partial class SandboxWorkbench
{
    private IReadOnlyList<EmulatedUser> customers = [];
    private IReadOnlyList<EmulatedDirectMessage> directMessages = [];
    private IReadOnlyList<EmulatedTweet> publicThread = [];
    private string? customerId;
    private string? dmText;
    private string? tweetText;
    private string? replyTo;
    private string? quoting;
    private int tab;
    private string? error;

    [Inject] private TwitterAddon.Emulator.World.Sandbox SandboxService { get; set; } = default!;

    [Inject] private EmulatorWorld World { get; set; } = default!;

    private EmulatedUser Account => SandboxService.Account;

    private EmulatedUser? Customer => customers.FirstOrDefault(c => c.Id == customerId);

    public void Dispose() => World.Changed -= OnWorldChanged;

    internal static string UserAvatar(EmulatedUser user) => UserJson.Avatar(user);

    protected override void OnInitialized()
    {
        customers = SandboxService.Customers();
        customerId = customers.Count > 0 ? customers[0].Id : null;
        tweetText = $"@{Account.ScreenName} ";
        Load();
        World.Changed += OnWorldChanged;
    }

    // X's world changed (a delivery, a reply): redraw; a failure shows on this page like any other.
    private void OnWorldChanged() => _ = InvokeAsync(async () =>
    {
        try
        {
            customers = SandboxService.Customers();
            Load();
            StateHasChanged();
        }
        catch (Exception e)
        {
            await DispatchExceptionAsync(e);
        }
    });

    private void Load()
    {
        directMessages = customerId is null ? [] : SandboxService.DirectMessagesWith(customerId);
        publicThread = customerId is null ? [] : SandboxService.PublicThreadOf(customerId);
    }

    private void SelectCustomer(string id)
    {
        customerId = id;
        (replyTo, quoting) = (null, null);
        error = null;
        Load();
    }

    private void SendDirectMessage()
    {
        var outcome = SandboxService.SendDirectMessage(customerId!, recipient: null, dmText ?? "");
        error = Describe(outcome.Failure);
        if (outcome.Failure is null)
        {
            dmText = null;
        }
    }

    private void PostTweet()
    {
        var outcome = SandboxService.PostTweet(customerId!, tweetText ?? "", inReplyToStatusId: replyTo, quotedStatusId: quoting);
        error = Describe(outcome.Failure);
        if (outcome.Failure is null)
        {
            tweetText = $"@{Account.ScreenName} ";
            (replyTo, quoting) = (null, null);
        }
    }

    private static string? Describe(XFailure? failure) => failure is null ? null : $"X answered {failure.Code}: {failure.Message}";

    private void ReplyTo(string tweetId)
    {
        (replyTo, quoting) = (tweetId, null);
        tweetText = "";
    }

    /// <summary>A quote is a new tweet with the quoted one attached: the customer writes the comment, then Post.</summary>
    private void Quote(string tweetId)
    {
        (quoting, replyTo) = (tweetId, null);
        tweetText = "";
    }

    private void Retweet(string tweetId) => error = Describe(SandboxService.Retweet(customerId!, tweetId).Failure);

    private void CustomerCreated(EmulatedUser user)
    {
        customers = SandboxService.Customers();
        SelectCustomer(user.Id);
    }
}
