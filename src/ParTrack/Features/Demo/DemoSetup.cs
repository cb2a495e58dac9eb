using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Demo;

public static class DemoSetup
{
    /// <summary>
    /// Start-up: applies migrations, seeds the demo into an empty database (unless `Demo:SeedOnEmpty`
    /// is false) and, once listening, prints the URL and the demo log-ins.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.MigrateAsync();
            if (app.Configuration.GetValue("Demo:SeedOnEmpty", true))
                await DemoData.SeedIfEmptyAsync(scope.ServiceProvider, app.Configuration.GetValue("Demo:SeedPlans", true));
        }
        app.Lifetime.ApplicationStarted.Register(() => PrintWelcome(app));
    }

    static void PrintWelcome(WebApplication app)
    {
        if (app.Urls.Count == 0) return;   // in-process test host
        var o = Console.Out;
        o.WriteLine();
        o.WriteLine($"ParTrack đang chạy tại: {string.Join(", ", app.Urls)}");
        o.WriteLine($"Tài khoản demo (mật khẩu cho tất cả: {DemoData.Password}):");
        foreach (var a in DemoData.Accounts)
            o.WriteLine($"  {a.UserName,-12} {a.DisplayName}");
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
        stdout.WriteLine($"Đã tạo lại dữ liệu demo. Mật khẩu các tài khoản demo: {DemoData.Password}");
        return 0;
    }
}
