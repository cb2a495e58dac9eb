using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using ParTrack.Data;
using ParTrack.Features.Shared;
using QRCoder;

namespace ParTrack.Features.Accounts;

/// <summary>
/// Optional two-factor sign-in with an authenticator app (TOTP, RFC 6238: 6 digits, 30 s, SHA-1 as every
/// app supports). The shared key is stored protected with ASP.NET Core data protection; a code is
/// accepted one step either side of now (clock drift) and only once (its time step is remembered).
/// </summary>
public sealed class TwoFactor(AppDbContext db, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Issuer = "ParTrack";
    static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    IDataProtector Keys => protection.CreateProtector("ParTrack.Accounts.TwoFactorKey");
    /// <summary>A key being enrolled travels in the form, sealed and valid for 15 minutes.</summary>
    ITimeLimitedDataProtector Enrolment => protection.CreateProtector("ParTrack.Accounts.TwoFactorEnrolment").ToTimeLimitedDataProtector();

    public static string NewKey() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    public string Seal(string key) => Enrolment.Protect(key, TimeSpan.FromMinutes(15));

    /// <summary>The key from an enrolment form, or null when it was tampered with or is too old.</summary>
    public string? Unseal(string? sealedKey)
    {
        if (string.IsNullOrEmpty(sealedKey)) return null;
        try { return Enrolment.Unprotect(sealedKey); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    /// <summary>The otpauth:// address an authenticator app reads from the QR code.</summary>
    public static string Uri(string userName, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer + ":" + userName)}?secret={key}&issuer={Issuer}&digits=6&period=30";

    /// <summary>The QR code as a PNG data address (the CSP allows data: images, nothing else inline).</summary>
    public static string QrDataUri(string userName, string key)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri(userName, key), QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(6));
    }

    /// <summary>The time step a code matches for this key now, or null.</summary>
    public long? Match(string key, string? code)
    {
        code = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6) return null;
        var totp = new Totp(Base32Encoding.ToBytes(key));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, Drift) ? step : null;
    }

    public const string WrongCodeMessage = "Mã không đúng. Kiểm tra giờ trên điện thoại rồi nhập mã mới đang hiện trong ứng dụng.";
    public const string CodeRefusedMessage = "Mã không đúng hoặc đã dùng. Nhập mã mới đang hiện trong ứng dụng.";

    /// <summary>Turns two-factor sign-in on after the first right code from the app; ends other sessions.</summary>
    public async Task<Outcome<long>> EnableAsync(User user, string key, string? code, CancellationToken ct = default)
    {
        if (Match(key, code) is not { } step) return Outcome<long>.Invalid("Code", WrongCodeMessage);
        user.TwoFactorKey = Keys.Protect(key);
        user.TwoFactorEnabled = true;
        user.TwoFactorLastStep = step;
        user.SecurityStamp = User.NewStamp();
        await db.SaveChangesAsync(ct);
        return Outcome<long>.Ok(step);
    }

    /// <summary>Turns it off (the user, with a code; or an administrator resetting a lost phone); ends sessions.</summary>
    public static void Reset(User user)
    {
        user.TwoFactorKey = null;
        user.TwoFactorEnabled = false;
        user.TwoFactorLastStep = 0;
        user.SecurityStamp = User.NewStamp();
    }

    /// <summary>
    /// Accepts a sign-in code once: the step is stored with a conditional UPDATE, so the same code sent
    /// twice (or in parallel) signs in only once. The accepted time step, or one refusal for every reason
    /// (no key, a key this server cannot read, a wrong or used code), so a guesser cannot tell them apart.
    /// </summary>
    public async Task<Outcome<long>> AcceptAsync(User user, string? code, CancellationToken ct = default)
    {
        var refused = Outcome<long>.Invalid("Code", CodeRefusedMessage);
        if (user.TwoFactorKey is null) return refused;
        string key;
        try { key = Keys.Unprotect(user.TwoFactorKey); }
        catch (System.Security.Cryptography.CryptographicException) { return refused; }
        if (Match(key, code) is not { } step) return refused;
        using var turn = await SqliteWriteGate.EnterAsync(db, ct);
        var taken = await db.Users.Where(u => u.Id == user.Id && u.TwoFactorLastStep < step)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.TwoFactorLastStep, step), ct);
        return taken == 1 ? Outcome<long>.Ok(step) : refused;
    }
}
