using MudBlazor;

namespace TwitterAddon.Web.Components.Layout;

/// <summary>One theme for every layout. System fonts: the portal must not fetch fonts from the internet.</summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d9bf0",
            AppbarBackground = "#0f1419",
            DrawerBackground = "#ffffff",
            Background = "#f7f9f9",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
    };
}
