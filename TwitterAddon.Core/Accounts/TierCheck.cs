using TwitterAddon.Core.Accounts.Connections;
using TwitterAddon.Core.Twitter;
using TwitterAddon.Core.Twitter.OAuth;

namespace TwitterAddon.Core.Accounts;

/// <summary>Asks X what it provisions the developer account for, and notes where that and the chosen Tier differ.</summary>
internal static class TierCheck
{
    public static async Task CheckTierAsync(
        this IXConnection x, XAccount account, OAuthCredentials credentials, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            account.TierCheckedWithX(await x.ProvisionedSubscriptionsAsync(credentials, cancellationToken), at);
        }
        catch (XApiException)
        {
            // A hint, not a step: the connection works without it, and the next status check asks again.
        }
    }
}
