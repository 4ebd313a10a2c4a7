using MudBlazor;

namespace TwitterAddon.Web.Components.Common;

/// <summary>An action a misclick must not take (deactivating, deleting): asked in a dialog first.</summary>
public static class Confirmation
{
    /// <returns>True when the person confirmed; false when they cancelled or closed the dialog.</returns>
    public static async Task<bool> ConfirmAsync(this IDialogService dialogs, string title, string question, string confirm) =>
        await dialogs.ShowMessageBoxAsync(title, question, yesText: confirm, cancelText: "Cancel") == true;
}
