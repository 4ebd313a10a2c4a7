using System.Text.Json.Serialization;
using TwitterAddon.Core.Twitter.Payloads;

namespace TwitterAddon.Core.Twitter;

/// <summary>Source-generated JSON for what crosses the boundary with X's REST API.</summary>
[JsonSerializable(typeof(XErrorBody))]
[JsonSerializable(typeof(XUser))]
[JsonSerializable(typeof(XWebhook))]
[JsonSerializable(typeof(IReadOnlyList<XWebhook>))]
[JsonSerializable(typeof(XEnvironmentList))]
[JsonSerializable(typeof(XSubscriptionCount))]
[JsonSerializable(typeof(XSubscriptionList))]
[JsonSerializable(typeof(XDirectMessageEnvelope))]
[JsonSerializable(typeof(XDirectMessageEventList))]
[JsonSerializable(typeof(XTweet))]
[JsonSerializable(typeof(XBearerToken))]
public sealed partial class XJsonContext : JsonSerializerContext;
