using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using TwitterAddon.Core.Persistence;
using TwitterAddon.Tests.Infrastructure;

namespace TwitterAddon.Tests.Portal;

/// <summary>
/// The database, its WAL and the key ring are the account's alone (0600, folders 0700), and the key ring can be
/// encrypted with a certificate kept elsewhere.
/// </summary>
public sealed class SecretsAtRestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TheDatabaseItsWalAndTheKeys_AreOwnerOnly()
    {
        // A fresh install: the data folder does not exist yet.
        using var root = new TestDatabase();
        var folder = Path.Combine(root.Folder, "data");
        var database = Path.Combine(folder, "twitteraddon.db");
        await using var portal = new PortalFactory();
        portal.Setting("ConnectionStrings:TwitterAddon", $"Data Source={database}");
        using var visitor = new PortalVisitor(portal);
        await visitor.CreateAdminAsync();

        var keys = Path.Combine(folder, "keys");
        Assert.Equal(OwnerOnlyFiles.FolderAccessMode, File.GetUnixFileMode(folder));
        Assert.Equal(OwnerOnlyFiles.FolderAccessMode, File.GetUnixFileMode(keys));
        Assert.True(File.Exists(database + "-wal"));
        foreach (var file in new[] { database, database + "-wal" }.Concat(Directory.EnumerateFiles(keys)))
        {
            Assert.True(File.GetUnixFileMode(file) == OwnerOnlyFiles.FileAccessMode, $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}");
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AnExistingInstall_IsTightened_ButItsFolderIsLeftAlone()
    {
        using var root = new TestDatabase();
        var database = root.FilePath;
        await File.WriteAllBytesAsync(database, [], Ct);
        File.SetUnixFileMode(database, OwnerOnlyFiles.FileAccessMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var folderMode = File.GetUnixFileMode(root.Folder);
        await using var portal = new PortalFactory(database: root);
        using var visitor = new PortalVisitor(portal);

        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync("/healthz", Ct)).StatusCode);

        Assert.Equal(OwnerOnlyFiles.FileAccessMode, File.GetUnixFileMode(database));
        Assert.Equal(folderMode, File.GetUnixFileMode(root.Folder));
    }

    [Fact]
    public async Task WithACertificateConfigured_TheKeyRingIsEncrypted_AndSignInStillWorks()
    {
        using var folder = new TestDatabase();
        var pfx = Path.Combine(folder.Folder, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=TwitterAddon key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx password"), Ct);
        }

        await using var portal = new PortalFactory();
        portal.Setting("DataProtection:Certificate:Path", pfx);
        portal.Setting("DataProtection:Certificate:Password", "pfx password");
        using var visitor = new PortalVisitor(portal);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.CreateAdminAsync()).StatusCode);

        var key = await File.ReadAllTextAsync(Directory.EnumerateFiles(Path.Combine(Path.GetDirectoryName(portal.DatabaseFile)!, "keys")).Single(), Ct);
        Assert.Contains("EncryptedData", key);
        Assert.DoesNotContain("<value>", key);
        Assert.Equal(HttpStatusCode.OK, (await visitor.Client.GetAsync("/team", Ct)).StatusCode);
    }
}
