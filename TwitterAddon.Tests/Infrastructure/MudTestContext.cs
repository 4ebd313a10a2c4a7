using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace TwitterAddon.Tests.Infrastructure;

/// <summary>bUnit with MudBlazor registered once: no transitions, loose JS interop (MudBlazor calls JS for layout).</summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
            o.PopoverOptions.CheckForPopoverProvider = false;
        });
    }

    /// <summary>Types into the MudBlazor field whose label is <paramref name="label"/>, as a person would.</summary>
    protected static void Fill<T>(IRenderedComponent<T> page, string label, string value)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        var labelElement = page.FindAll("label").First(l => l.TextContent.Trim() == label);
        page.Find($"#{labelElement.GetAttribute("for")}").Input(value);
    }
}
