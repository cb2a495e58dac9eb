using System.Security.Cryptography;
using FluentAssertions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Features;
using ParTrack.Features.Shared;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Files;

/// <summary>
/// The same contract for both stores (Files:Store=Disk|Database), on SQLite and PostgreSQL: a file saved reads back
/// byte for byte, is kept once, is deleted, a missing one is not found, and the size limit holds.
/// </summary>
public sealed class FileStoreTests(AppFixture fx) : IClassFixture<AppFixture>
{
    public static TheoryData<string, string> Stores
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var provider in Databases.Providers)
                foreach (var store in new[] { FilesSetup.Disk, FilesSetup.Database })
                    data.Add(provider, store);
            return data;
        }
    }

    /// <summary>A store of the given kind on the app's database, in a folder of its own.</summary>
    FileStore StoreOf(string provider, string kind)
    {
        var app = fx.App(provider);
        var folder = Path.Combine(Path.GetTempPath(), "partrack-files-" + Guid.NewGuid().ToString("N"));
        return kind == FilesSetup.Database
            ? new DatabaseFileStore(folder, app.Services.GetRequiredService<IServiceScopeFactory>())
            : new DiskFileStore(folder);
    }

    /// <summary>A PDF of the given size, unique so no other test kept it (a PDF is accepted by its first bytes).</summary>
    static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        RandomNumberGenerator.Fill(bytes);
        "%PDF-1.4\n"u8.CopyTo(bytes);
        return bytes;
    }

    static Task<Outcome<SavedFile>> Save(FileStore store, byte[] bytes, string name = "minh-chung.pdf") =>
        store.SaveAsync(new MemoryStream(bytes), bytes.Length, name);

    [Theory, MemberData(nameof(Stores))]
    public async Task Save_ThenRead_GivesTheSameBytes(string provider, string kind)
    {
        var store = StoreOf(provider, kind);
        // Larger than one database part, so reading back joins parts in order.
        var bytes = Pdf(DatabaseFileStore.PartBytes * 2 + 12345);

        var kept = await Save(store, bytes);

        kept.IsOk.Should().BeTrue(kept.Message);
        var saved = kept.Value!;
        saved.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(bytes)));
        saved.Size.Should().Be(bytes.Length);
        saved.ContentType.Should().Be(FileStore.PdfType);
        File.ReadAllBytes(store.PathOf(saved.Sha256)!).Should().Equal(bytes);
        await using var read = store.OpenRead(saved.Sha256)!;
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        copy.ToArray().Should().Equal(bytes);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task SaveTwice_SameContent_IsKeptOnce(string provider, string kind)
    {
        var store = StoreOf(provider, kind);
        var bytes = Pdf(5000);

        var results = await Task.WhenAll(Save(store, bytes, "a.pdf"), Save(store, bytes, "b.pdf"), Save(store, bytes, "c.pdf"));

        results.Should().OnlyContain(r => r.IsOk);
        results.Select(r => r.Value!.Sha256).Distinct().Should().ContainSingle();
        results.Select(r => r.Value!.FileName).Should().BeEquivalentTo(["a.pdf", "b.pdf", "c.pdf"]);
        File.ReadAllBytes(store.PathOf(results[0].Value!.Sha256)!).Should().Equal(bytes);
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Delete_KeptFile_IsGoneAndSecondDeleteFindsNothing(string provider, string kind)
    {
        var store = StoreOf(provider, kind);
        var saved = (await Save(store, Pdf(3000))).Value!;
        store.PathOf(saved.Sha256).Should().NotBeNull();

        (await store.DeleteAsync(saved.Sha256)).Should().BeTrue();

        store.PathOf(saved.Sha256).Should().BeNull();
        store.OpenRead(saved.Sha256).Should().BeNull();
        (await store.DeleteAsync(saved.Sha256)).Should().BeFalse();
    }

    [Theory, MemberData(nameof(Stores))]
    public void Read_MissingOrMalformedHash_IsNotFound(string provider, string kind)
    {
        var store = StoreOf(provider, kind);
        store.PathOf(new string('0', 64)).Should().BeNull();
        store.PathOf("../../etc/passwd").Should().BeNull();
        store.OpenRead(new string('f', 64)).Should().BeNull();
    }

    [Theory, MemberData(nameof(Stores))]
    public async Task Save_OverTheSizeLimit_IsRefusedAndNothingIsKept(string provider, string kind)
    {
        var store = StoreOf(provider, kind);
        var bytes = Pdf((int)FileStore.MaxBytes + 1);

        // Announced too large, and announced small but larger in fact: both refused with a message.
        var announced = await Save(store, bytes);
        var lied = await store.SaveAsync(new MemoryStream(bytes), 1000, "gia.pdf");

        announced.Kind.Should().Be(OutcomeKind.Invalid);
        lied.Kind.Should().Be(OutcomeKind.Invalid);
        announced.Errors.Should().ContainKey(FileStore.Field).WhoseValue.Should().Contain("Tệp quá lớn");
        lied.Errors.Should().ContainKey(FileStore.Field).WhoseValue.Should().Contain("Tệp quá lớn");
        store.PathOf(Convert.ToHexStringLower(SHA256.HashData(bytes))).Should().BeNull();
        Directory.GetFiles(store.Folder, "*", SearchOption.AllDirectories).Should().BeEmpty("no temporary file is left behind");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task FilesStoreDatabase_EvidenceUploadedThroughTheApp_IsServedFromTheDatabase(string provider)
    {
        await using var app = new TestApp(provider);
        await using var onDatabase = app.WithWebHostBuilder(b => b.UseSetting("Files:Store", "Database"));
        var store = onDatabase.Services.GetRequiredService<FileStore>();
        store.Should().BeOfType<DatabaseFileStore>();

        var bytes = Pdf(4000);
        var saved = (await Save(store, bytes)).Value;
        // Another instance has its own folder (its own cache): it reads the file from the database.
        var other = new DatabaseFileStore(Path.Combine(Path.GetTempPath(), "partrack-other-" + Guid.NewGuid().ToString("N")),
            onDatabase.Services.GetRequiredService<IServiceScopeFactory>());
        File.ReadAllBytes(other.PathOf(saved!.Sha256)!).Should().Equal(bytes);
    }

    // A wrong Files:Store stops the start with a message naming the key: UsageAndSettingsTests.

    [Fact]
    public void FilesStore_NotSet_IsTheDiskStore()
    {
        fx.App().Services.GetRequiredService<FileStore>().Should().BeOfType<DiskFileStore>();
    }
}
