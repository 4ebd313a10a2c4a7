using System.Globalization;
using Microsoft.Playwright;
using SkiaSharp;

namespace TwitterAddon.LoadTest;

/// <summary>
/// What open inbox tabs cost the server, measured on the real host: the inbox page's size over the wire with 50
/// conversations and a 1 MB channel icon (target under 300 KB), and the host's resident memory before and after
/// <c>--tabs</c> more inbox tabs are open and live in Chromium (target: 10 tabs add under 50 MB).
/// </summary>
internal static class InboxTabsRun
{
    public static async Task<int> RunAsync(RunOptions options, int tabs)
    {
        var folder = Directory.CreateTempSubdirectory("twitteraddon-tabs-").FullName;
        var port = HostProcess.FreePort();
        var icon = NoisePng(580, 580);
        using var database = LoadDatabase.Sqlite(Path.Combine(folder, "twitteraddon.db"));
        await Seeder.SeedInboxAsync(database, $"http://127.0.0.1:{port}", icon, conversations: 50);
        // Development only so the unpublished build serves its static web assets (blazor.web.js, MudBlazor); no emulator.
        using var host = new HostProcess(options.WebDll, database, port, ["--Emulator:Enabled=false"], "Development");
        await host.StartAsync();

        await using var admin = await AdminBrowser.SignInAsync(host.BaseUrl);
        var pageBytes = admin.InboxBytes;
        // The first tab stays open, as the admin's own.
        await admin.OpenInboxAsync();

        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = host.ResidentMegabytes();
        for (var i = 0; i < tabs; i++)
        {
            var page = await admin.OpenInboxAsync();
            await page.GetByText("Customer 49", new() { Exact = true }).WaitForAsync();
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var after = host.ResidentMegabytes();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"icon uploaded: {icon.Length / 1024.0:F0} KB; inbox page with 50 conversations: {pageBytes / 1024.0:F1} KB over the wire (target < 300 KB)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server RSS with 1 inbox tab: {before:F0} MB; with {tabs + 1} tabs: {after:F0} MB; {tabs} more tabs added {after - before:F1} MB (target < 50 MB for 10)"));
        host.Kill();
        Directory.Delete(folder, recursive: true);
        return pageBytes < 300 * 1024 && after - before < 50.0 * tabs / 10 ? 0 : 1;
    }

    /// <summary>Random pixels, which do not compress: a 580 x 580 PNG is about 1 MB.</summary>
    public static byte[] NoisePng(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var pixels = new byte[width * height * 4];
        new Random(5).NextBytes(pixels);
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
