using TwitterAddon.Emulator.World;

namespace TwitterAddon.Emulator.Control;

/// <summary>An app's <see cref="V2Access"/> as the control API writes it.</summary>
public static class AppAccess
{
    public static string Name(V2Access access) => access == V2Access.Enterprise ? "enterprise" : "pay_per_use";

    public static V2Access? Parse(string? name) => name switch
    {
        "pay_per_use" => V2Access.PayPerUse,
        "enterprise" => V2Access.Enterprise,
        _ => null,
    };
}
