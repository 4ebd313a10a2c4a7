namespace TwitterAddon.Core.Webhooks;

public enum WebhookSignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Mismatch,
}
