namespace TwitterAddon.Core.Accounts;

/// <summary>The steps of Save in Begin Setup, in order, as the page lists them.</summary>
public enum ConnectStep
{
    VerifyCredentials,
    CheckEnvironment,
    RegisterWebhook,
    Subscribe,
    Save,
}
