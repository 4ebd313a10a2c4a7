using System.Text.Json.Serialization;

namespace TwitterAddon.Core.Twitter.V2;

/// <summary>Source-generated JSON for X's v2 REST API.</summary>
[JsonSerializable(typeof(V2Data<V2User>))]
[JsonSerializable(typeof(V2Data<IReadOnlyList<V2User>>))]
[JsonSerializable(typeof(V2Data<V2Webhook>))]
[JsonSerializable(typeof(V2Data<IReadOnlyList<V2Webhook>>))]
[JsonSerializable(typeof(V2WebhookRequest))]
[JsonSerializable(typeof(V2Subscription))]
[JsonSerializable(typeof(V2Data<IReadOnlyList<V2Subscription>>))]
[JsonSerializable(typeof(V2SubscriptionRequest))]
[JsonSerializable(typeof(V2SubscriptionTag))]
[JsonSerializable(typeof(V2PostRequest))]
[JsonSerializable(typeof(V2Data<V2Post>))]
[JsonSerializable(typeof(V2DirectMessageRequest))]
[JsonSerializable(typeof(V2Data<V2DirectMessageSent>))]
[JsonSerializable(typeof(V2Data<IReadOnlyList<V2DmEvent>>))]
[JsonSerializable(typeof(V2ReplayRequest))]
[JsonSerializable(typeof(V2Data<V2ReplayJob>))]
[JsonSerializable(typeof(V2Data<V2Validation>))]
[JsonSerializable(typeof(V2Data<V2SubscriptionCount>))]
[JsonSerializable(typeof(V2Data<System.Text.Json.JsonElement>))]
public sealed partial class V2JsonContext : JsonSerializerContext;
