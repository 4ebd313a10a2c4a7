using Microsoft.AspNetCore.Components;
using MudBlazor;
using TwitterAddon.Core.Channels;

namespace TwitterAddon.Web.Components.Pages.Inbox;

/// <summary>How the inbox shows a DM or a public mention, the same in the list and the conversation: unmistakable, since peers' agents posted private answers as public tweets by mistake.</summary>
public static class ChannelKindLook
{
    public static string Icon(ChannelKind kind) => kind == ChannelKind.DirectMessage ? Icons.Material.Filled.Lock : Icons.Material.Filled.Public;

    public static Color Color(ChannelKind kind) => kind == ChannelKind.DirectMessage ? MudBlazor.Color.Primary : MudBlazor.Color.Warning;

    /// <summary>For plain markup (the conversation list): the colour class of <see cref="Color"/>.</summary>
    public static string CssClass(ChannelKind kind) => kind == ChannelKind.DirectMessage ? "kind-dm" : "kind-mention";

    public static string Label(ChannelKind kind) => kind == ChannelKind.DirectMessage ? "Direct Message · private" : "Mention · public";

    /// <summary>
    /// The kind's small icon as plain markup, for rows drawn without a component each. Made of the library's icon path
    /// and the labels above, never user text.
    /// </summary>
    public static MarkupString Glyph(ChannelKind kind) =>
        new($"<svg class=\"conversation-kind {CssClass(kind)}\" viewBox=\"0 0 24 24\"><title>{Label(kind)}</title>{Icon(kind)}</svg>");
}
