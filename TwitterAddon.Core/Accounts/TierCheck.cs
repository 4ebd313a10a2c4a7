using TwitterAddon.Core.Accounts.Connections;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;

namespace TwitterAddon.Core.Accounts;

/// <summary>Asks X what it provisions the developer account for, and notes where that and the chosen Tier differ.</summary>
internal static class TierCheck
{
    /// <remarks>A hint, not a step: a refusal leaves the last answer, and the next status check asks again.</remarks>
    public static Task CheckTierAsync(
        this IXConnection x, XAccount account, OAuthCredentials credentials, DateTimeOffset at, CancellationToken cancellationToken) =>
        XBestEffort.RunAsync(async () => account.TierCheckedWithX(await x.ProvisionedSubscriptionsAsync(credentials, cancellationToken), at));
}
