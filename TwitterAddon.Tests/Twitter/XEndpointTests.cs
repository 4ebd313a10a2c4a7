using TwitterAddon.Core.Twitter;

namespace TwitterAddon.Tests.Twitter;

public sealed class XEndpointTests
{
    [Theory]
    [InlineData("GET", "1.1/account/verify_credentials.json", "GET 1.1/account/verify_credentials.json")]
    [InlineData("POST", "1.1/account_activity/all/prod-support/webhooks.json", "POST 1.1/account_activity/all/{env}/webhooks.json")]
    [InlineData("PUT", "1.1/account_activity/all/prod/webhooks/1234567890.json", "PUT 1.1/account_activity/all/{env}/webhooks/{id}.json")]
    [InlineData("GET", "1.1/account_activity/all/webhooks.json", "GET 1.1/account_activity/all/webhooks.json")]
    [InlineData("POST", "2/dm_conversations/with/2244994945/messages", "POST 2/dm_conversations/with/{id}/messages")]
    [InlineData("GET", "2/users?ids=1,2", "GET 2/users")]
    [InlineData("POST", "2/tweets", "POST 2/tweets")]
    public void IdsAndEnvironments_BecomePlaceholders(string method, string path, string endpoint) =>
        Assert.Equal(endpoint, XEndpoint.Of(new HttpMethod(method), path));
}
