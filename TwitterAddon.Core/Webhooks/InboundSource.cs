namespace TwitterAddon.Core.Webhooks;

public enum InboundSource
{
    /// <summary>X's Account Activity webhook, signed with the consumer secret.</summary>
    Webhook,

    /// <summary>The "Twitter API" inbound type: a service forwarding X's payloads with the channel's API key.</summary>
    Intermediary,
}
