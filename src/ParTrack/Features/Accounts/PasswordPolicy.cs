using Microsoft.Extensions.Localization;

namespace ParTrack.Features.Accounts;

/// <summary>
/// Passwords per NIST SP 800-63B 5.1.1.2: at least <see cref="MinLength"/> characters (spaces and any
/// letters allowed, up to <see cref="MaxLength"/>), not one of the common passwords people pick first
/// (common-passwords.txt, built by scripts/make-common-passwords.py), and not the user name or the
/// product's name. No composition rules and no forced periodic change, as the guideline advises.
/// The demo accounts' "Demo@2025" is seeded without this check (demo only, never in production).
/// </summary>
public sealed class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 200;

    readonly HashSet<string> _common = Load();

    static HashSet<string> Load()
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("ParTrack.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    }

    public int CommonCount => _common.Count;

    /// <summary>The message to show (already localised), or null when the password may be used.</summary>
    public string? Check(string? password, string userName, IStringLocalizer T)
    {
        password ??= "";
        if (password.Length < MinLength) return T["Mật khẩu cần ít nhất {0} ký tự. Một cụm vài từ dễ nhớ là mật khẩu tốt.", MinLength];
        if (password.Length > MaxLength) return T["Mật khẩu dài tối đa {0} ký tự.", MaxLength];
        var lower = password.ToLowerInvariant();
        if (_common.Contains(lower) || lower.Trim().Distinct().Count() <= 2)
            return T["Mật khẩu này quá phổ biến, dễ bị đoán. Vui lòng chọn mật khẩu khác."];
        var name = userName.Trim().ToLowerInvariant();
        if ((name.Length >= 3 && lower.Contains(name)) || lower.Contains("partrack"))
            return T["Mật khẩu không được chứa tên đăng nhập hoặc tên hệ thống."];
        return null;
    }
}
