namespace TwitterAddon.Web.Components.Pages.Setup;

/// <summary>The steps of X's developer portal, in the product's words (the user's doc, updated to today's portal).</summary>
internal static class SetupGuide
{
    public static IReadOnlyList<(string Title, string[] Lines)> Steps { get; } =
    [
        ("Developer access", [
            "Sign in at developer.x.com with the X account your customers write to.",
            "Its access level must include the Account Activity API (the old Elevated level, or a paid plan today).",
        ]),
        ("Create an app", [
            "In Projects & Apps, add an app to your project.",
            "X shows its API Key and API Key Secret once: copy both; you will paste them in the last step.",
        ]),
        ("Permissions", [
            "In the app's settings, set up User authentication settings with OAuth 1.0a.",
            "Choose the permission \"Read and write and Direct message\" and save.",
            "Changed the permission of an existing app? Regenerate the access token afterwards: old tokens keep the old permission.",
        ]),
        ("Access Token", [
            "Under Keys and tokens, generate the Access Token and Access Token Secret and copy both.",
            "The token starts with the account's numeric id and a dash.",
        ]),
        ("Environment", [
            "Under Products, open Dev Environments and set up the Account Activity API.",
            "Give it a label, the Env Label, and copy it exactly: X treats it as case-sensitive.",
            "Note its tier: Sandbox (free, 1 webhook, 15 subscriptions, no delivery retries) or Premium.",
        ]),
    ];
}
