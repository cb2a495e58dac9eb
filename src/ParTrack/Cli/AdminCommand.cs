using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;
using ParTrack.Features.Accounts;

namespace ParTrack.Cli;

/// <summary>
/// `partrack admin create USER [--name "Họ tên"] [--ConnectionStrings:...=...]`: the first administrator
/// of a production database (which starts without any account). The password is read from standard input
/// (one line, for scripts) or typed twice at a prompt without echo; it must pass the password policy.
/// </summary>
public static class AdminCommand
{
    public const string Usage = "Cách dùng: partrack admin create TÊN_ĐĂNG_NHẬP [--name \"Họ tên\"]  (mật khẩu nhập từ bàn phím hoặc stdin)";

    public static async Task<int> RunAsync(string[] args, TextReader stdin, bool interactive, TextWriter stdout, TextWriter stderr)
    {
        if (args is not ["create", var rawName, .. var rest] || rawName.StartsWith("--"))
        {
            stderr.WriteLine(Usage);
            return 2;
        }
        var displayName = rawName;
        if (rest is ["--name", var given, ..]) { displayName = given; rest = rest[2..]; }
        var userName = rawName.Trim().ToLowerInvariant();
        if (!System.Text.RegularExpressions.Regex.IsMatch(userName, "^[a-z0-9._-]{1,100}$"))
        {
            stderr.WriteLine("Tên đăng nhập chỉ gồm chữ không dấu, số và . _ - (tối đa 100 ký tự).");
            return 2;
        }

        var builder = WebApplication.CreateBuilder(rest);
        builder.Logging.ClearProviders();
        builder.Services.AddPartrackData();
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        builder.Services.AddSingleton<PasswordPolicy>();
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var T = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var db = services.GetRequiredService<AppDbContext>();
        await db.MigrateAsync();
        if (await db.Users.AnyAsync(u => u.UserName == userName))
        {
            stderr.WriteLine($"Tên đăng nhập \"{userName}\" đã có người dùng.");
            return 1;
        }

        var password = ReadPassword(stdin, interactive, stdout, stderr);
        if (password is null) return 1;
        if (services.GetRequiredService<PasswordPolicy>().Check(password, userName, T) is { } problem)
        {
            stderr.WriteLine(problem);
            return 1;
        }
        var user = new User { UserName = userName, DisplayName = displayName, Role = Role.Administrator };
        user.PasswordHash = services.GetRequiredService<IPasswordHasher<User>>().HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync();   // audited as "system"
        stdout.WriteLine($"Đã tạo tài khoản quản trị \"{userName}\". Đăng nhập rồi bật xác thực hai bước (menu Đổi mật khẩu → Xác thực hai bước).");
        return 0;
    }

    static string? ReadPassword(TextReader stdin, bool interactive, TextWriter stdout, TextWriter stderr)
    {
        if (!interactive)
        {
            var line = stdin.ReadLine()?.TrimEnd('\r');
            if (line is null) stderr.WriteLine("Không đọc được mật khẩu: gửi một dòng qua stdin hoặc chạy lệnh trong terminal.");
            return line;
        }
        stdout.Write("Mật khẩu: ");
        var first = ReadHidden();
        stdout.Write("Nhập lại mật khẩu: ");
        if (ReadHidden() == first) return first;
        stderr.WriteLine("Hai lần nhập mật khẩu không khớp.");
        return null;
    }

    static string ReadHidden()
    {
        var text = new System.Text.StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace) { if (text.Length > 0) text.Length--; }
            else if (!char.IsControl(key.KeyChar)) text.Append(key.KeyChar);
        }
        Console.WriteLine();
        return text.ToString();
    }
}
