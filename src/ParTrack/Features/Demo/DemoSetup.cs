using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Demo;

public static class DemoSetup
{
    /// <summary>
    /// Start-up: applies migrations, seeds the demo into an empty database only when asked
    /// (`Demo:SeedOnEmpty=true`, as run.sh and the tests do; off by default so a production database never
    /// gets accounts with a published password) and, once listening, prints the URL and the log-ins
    /// (the demo's, or how to create the first administrator).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var demo = app.Configuration.GetValue("Demo:SeedOnEmpty", false);
        bool hasUsers;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.MigrateAsync();
            var withPlans = app.Configuration.GetValue("Demo:SeedPlans", true);
            if (demo && await DemoData.SeedIfEmptyAsync(scope.ServiceProvider, withPlans) && withPlans)
                await DemoData.SeedDossiersAsync(scope.ServiceProvider, app.Lifetime);
            hasUsers = await db.Users.AnyAsync();
        }
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app, demo, hasUsers));
    }

    static void PrintWelcome(WebApplication app, bool demo, bool hasUsers)
    {
        if (app.Urls.Count == 0) return;   // in-process test host
        var o = Console.Out;
        o.WriteLine();
        o.WriteLine($"ParTrack đang chạy tại: {string.Join(", ", app.Urls)}");
        if (demo)
        {
            o.WriteLine($"Tài khoản demo (mật khẩu cho tất cả: {DemoData.Password}):");
            foreach (var a in DemoData.Accounts)
                o.WriteLine($"  {a.UserName,-12} {a.DisplayName}");
        }
        else if (!hasUsers)
            o.WriteLine("Chưa có tài khoản nào. Tạo quản trị viên đầu tiên: partrack admin create TÊN (mật khẩu nhập từ bàn phím).");
        o.WriteLine("Nhấn Ctrl+C để dừng.");
        o.WriteLine();
    }

    /// <summary>`partrack demo`: empties the database and seeds the demo again.</summary>
    public static async Task<int> ResetCommandAsync(IServiceProvider services, TextWriter stdout)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.EnsureDeletedAsync();
        await db.MigrateAsync();
        await DemoData.SeedIfEmptyAsync(scope.ServiceProvider, withPlans: true);
        await DemoData.SeedDossiersAsync(scope.ServiceProvider, lifetime: null);   // the command waits for all of them
        stdout.WriteLine($"Đã tạo lại dữ liệu demo. Mật khẩu các tài khoản demo: {DemoData.Password}");
        return 0;
    }
}
