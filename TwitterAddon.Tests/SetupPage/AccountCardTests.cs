using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TwitterAddon.Core.Accounts;
using TwitterAddon.Tests.Infrastructure;
using TwitterAddon.Web.Components.Common;
using TwitterAddon.Web.Components.Pages.Setup;

namespace TwitterAddon.Tests.SetupPage;

public sealed class AccountCardTests : CoreMudTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 30, 0, TimeSpan.Zero);

    public AccountCardTests()
    {
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        Auth.SetAuthorized("ada@example.com");
        Auth.SetRoles("Admin");
    }

    [Fact]
    public void MissedEvents_AreDatedInTheViewersZone_LikeEveryOtherTime()
    {
        var account = new AccountSummary(
            "1000000001", "AcmeSupport", "Acme Support", null, AccountTier.PayPerUse, "production", "key", "https://acme.example/webhooks/twitter",
            "w1", true, true, false, Now.AddDays(-3), Now, Now, Now, null,
            ReplayNote: "Asked X to deliver them again; anything already in the inbox is skipped. Job 42.", ReplayNoteAt: Now,
            ReplayNoteFrom: Now.AddMinutes(-90), ReplayNoteTo: Now.AddMinutes(-30));

        var card = Render<AccountCard>(p => p.Add(c => c.Account, account).AddCascadingValue(ViewerTime.For("Asia/Jakarta")));

        var note = card.Find("[data-testid=replay-note]");
        Assert.Equal("Missed events from 15:00 to 16:00: Asked X to deliver them again; anything already in the inbox is skipped. Job 42.",
            System.Text.RegularExpressions.Regex.Replace(note.TextContent, @"\s+", " ").Trim());
        Assert.Equal("Wednesday 2 December 2026, 15:00:00 (Asia/Jakarta, UTC+07:00)", note.QuerySelector("time")!.GetAttribute("title"));
    }
}
