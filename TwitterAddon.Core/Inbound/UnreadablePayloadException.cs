namespace TwitterAddon.Core.Inbound;

/// <summary>The body is not an Account Activity payload we can read; the message is the reason shown to the admin.</summary>
public sealed class UnreadablePayloadException : Exception
{
    public UnreadablePayloadException()
    {
    }

    public UnreadablePayloadException(string message)
        : base(message)
    {
    }

    public UnreadablePayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
