using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FluentAssertions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Features.Shared;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Cluster;

/// <summary>
/// Data-protection keys live in the database: what one instance protects (a sign-in cookie, an
/// antiforgery token) another instance on the same database reads, and with a certificate configured
/// the stored keys are encrypted. Each "instance" here is the app's own service registration
/// (AddPartrackData + AddCluster) over the test app's database.
/// </summary>
public sealed class SharedKeysTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task KeysInTheDatabase_WhatOneInstanceProtects_AnotherReads(string provider)
    {
        var app = fx.App(provider);
        await using var first = Instance(app);
        await using var second = Instance(app);

        var cookie = Protector(first).Protect("phiên đăng nhập của snv");

        Protector(second).Unprotect(cookie).Should().Be("phiên đăng nhập của snv");
        (await app.Db(db => db.DataProtectionKeys.CountAsync())).Should().BePositive();
        (await app.Db(db => db.AuditEntries.CountAsync(a => a.Entity.Contains("DataProtectionKey")))).Should().Be(0, "key material stays out of the audit log");
    }

    [Fact]
    public async Task WithACertificate_StoredKeysAreEncrypted_AndReadByAnInstanceWithTheSameCertificate()
    {
        var app = new TestApp(Databases.Sqlite);
        var pfx = Path.Combine(Path.GetTempPath(), $"partrack-keys-{Guid.NewGuid():N}.pfx");
        try
        {
            _ = app.Server;
            // The app made its own (unencrypted) key when it started; these instances start from none.
            await app.Db(db => db.DataProtectionKeys.ExecuteDeleteAsync());
            File.WriteAllBytes(pfx, SelfSigned().Export(X509ContentType.Pfx, "mật-khẩu"));
            var settings = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "mật-khẩu" };
            await using var first = Instance(app, settings);
            await using var second = Instance(app, settings);

            var token = Protector(first).Protect("dữ liệu");

            Protector(second).Unprotect(token).Should().Be("dữ liệu");
            var xml = await app.Db(db => db.DataProtectionKeys.Select(k => k.Xml!).SingleAsync());
            xml.Should().Contain("EncryptedData").And.NotContain("<masterKey", "the key itself is only stored encrypted");
            await using var withoutCertificate = Instance(app);
            var read = () => Protector(withoutCertificate).Unprotect(token);
            read.Should().Throw<CryptographicException>("an instance without the certificate cannot read the keys");
        }
        finally
        {
            await app.DisposeAsync();
            File.Delete(pfx);
        }
    }

    [Fact]
    public void AMissingCertificate_StopsTheStart_NamingTheSetting()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = "/không/có/tệp.pfx",
        }).Build();

        var start = () => new ServiceCollection().AddCluster(config);

        start.Should().Throw<InvalidOperationException>().WithMessage("*DataProtection:CertificatePath*");
    }

    static ServiceProvider Instance(TestApp app, Dictionary<string, string?>? settings = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = app.Provider,
            ["ConnectionStrings:" + app.Provider] = app.ConnectionString,
        }).AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(config);
        services.AddPartrackData();
        services.AddCluster(config);
        return services.BuildServiceProvider();
    }

    static IDataProtector Protector(IServiceProvider instance) =>
        instance.GetRequiredService<IDataProtectionProvider>().CreateProtector("ParTrack.Tests.Cluster");

    static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ParTrack data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }
}
