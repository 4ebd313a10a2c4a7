using TwitterAddon.Core.Accounts;

namespace TwitterAddon.Web.Components.Pages.Setup;

/// <summary>
/// The steps of X's developer portal for the chosen tier, in the product's words: today's developer console for
/// Pay-per-use and Enterprise (X API v2), the product doc's Dev Environments for Premium and Sandbox (v1.1, legacy).
/// </summary>
internal static class SetupGuide
{
    private static readonly (string Title, string[] Lines) Permissions = ("Permissions", [
        "In the app's settings, set up User authentication settings with OAuth 1.0a.",
        "Choose the permission \"Read and write and Direct message\" and save.",
        "Changed the permission of an existing app? Regenerate the access token afterwards: old tokens keep the old permission.",
    ]);

    private static readonly (string Title, string[] Lines) AccessToken = ("Access Token", [
        "Under Keys and tokens, generate the Access Token and Access Token Secret and copy both.",
        "The token starts with the account's numeric id and a dash.",
    ]);

    public static IReadOnlyList<(string Title, string[] Lines)> For(AccountTier tier) => tier.UsesApiV2() ? Today(tier) : Legacy;

    private static IReadOnlyList<(string Title, string[] Lines)> Today(AccountTier tier) =>
    [
        ("Developer access", tier == AccountTier.Enterprise
            ? ["Sign in to X's developer console (developer.x.com) with the X account your customers write to.",
               "Use the project and app of your enterprise contract: its access covers v2 webhooks and the X Activity API."]
            : ["Sign in to X's developer console (developer.x.com) with the X account your customers write to.",
               "New apps get Pay-per-use access: buy credits under Billing. X bills each DM and mention that arrives and each reply sent.",
               "Pay-per-use allows one webhook for the account, and replies only to posts that mention or quote it (X's rule since February 2026)."]),
        ("Create an app", [
            "In Projects & Apps, create a project and add an app to it.",
            "X shows its API Key and API Key Secret once: copy both; you will paste them in the last step.",
        ]),
        Permissions,
        AccessToken,
        ("Env Label", [
            "Today's X has no dev environments. Choose a short label for this install instead, such as production or staging.",
            "The add-on tags the account's X Activity subscriptions with it, so two installs of one app never touch each other's subscriptions.",
        ]),
    ];

    private static readonly IReadOnlyList<(string Title, string[] Lines)> Legacy =
    [
        ("Developer access", [
            "Only for apps that still have X's premium v1.1 Account Activity API: X deprecated it in 2023, and new apps cannot get it.",
            "Sign in at developer.x.com with the X account your customers write to.",
        ]),
        ("Create an app", [
            "In Projects & Apps, add an app to your project.",
            "X shows its API Key and API Key Secret once: copy both; you will paste them in the last step.",
        ]),
        Permissions,
        AccessToken,
        ("Environment", [
            "Under Products, open Dev Environments and set up the Account Activity API.",
            "Give it a label, the Env Label, and copy it exactly: X treats it as case-sensitive.",
            "Note its tier: Sandbox (free, 1 webhook, 15 subscriptions, no delivery retries) or Premium.",
        ]),
    ];
}
