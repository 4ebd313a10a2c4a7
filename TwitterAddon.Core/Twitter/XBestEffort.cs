namespace TwitterAddon.Core.Twitter;

/// <summary>
/// A call to X whose refusal must not stop what is under way (undoing half a setup, leaving the old side of a move):
/// the refusal is handed back for the caller to log or report, never thrown.
/// </summary>
public static class XBestEffort
{
    public static async Task<XApiException?> RunAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (XApiException e)
        {
            return e;
        }
    }
}
