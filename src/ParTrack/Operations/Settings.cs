using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using ParTrack.Data;

namespace ParTrack.Operations;

// The settings as typed options, checked when the app starts: a wrong value stops it with a message naming the
// key (Settings.AreValid), instead of a surprise later (a provider typo quietly meaning SQLite, a port of "abc"
// failing at the first reminder). Each message names its key as it is written in appsettings.json.

public sealed class DatabaseOptions
{
    [Required(ErrorMessage = "Database:Provider: cần ghi Sqlite hoặc Postgres.")]
    [RegularExpression("(?i)^(Sqlite|Postgres|PostgreSQL)$", ErrorMessage = "Database:Provider phải là Sqlite hoặc Postgres.")]
    public string Provider { get; set; } = "Sqlite";
}

public sealed class DemoOptions
{
    public bool SeedOnEmpty { get; set; } = true;
    public bool SeedPlans { get; set; } = true;

    [Range(0, 2_000_000, ErrorMessage = "Demo:DossierCount phải từ 0 đến 2.000.000 (hồ sơ một cửa của năm demo).")]
    public int DossierCount { get; set; } = 200_000;
}

/// <summary>Checked here only (the reminder job reads them itself): the ranges that make sense.</summary>
public sealed class ReportingOptions
{
    public bool Reminders { get; set; } = true;

    [Range(0, 60, ErrorMessage = "Reporting:RemindDaysBefore phải từ 0 đến 60 (ngày).")]
    public int RemindDaysBefore { get; set; } = 3;

    [Range(1, 90, ErrorMessage = "Reporting:RemindOverdueEveryDays phải từ 1 đến 90 (ngày).")]
    public int RemindOverdueEveryDays { get; set; } = 7;

    [Range(1, 1440, ErrorMessage = "Reporting:ReminderIntervalMinutes phải từ 1 đến 1440 (phút).")]
    public int ReminderIntervalMinutes { get; set; } = 60;

    [Range(0, 86400, ErrorMessage = "Reporting:ReminderStartDelaySeconds phải từ 0 đến 86400 (giây).")]
    public int ReminderStartDelaySeconds { get; set; } = 30;

    [Range(0, 3600, ErrorMessage = "Reporting:DashboardCacheSeconds phải từ 0 đến 3600 (giây).")]
    public int DashboardCacheSeconds { get; set; } = 30;

    [Range(1, 365, ErrorMessage = "Reporting:ActivityRiskDays phải từ 1 đến 365 (ngày).")]
    public int ActivityRiskDays { get; set; } = Domain.Activities.ActivitySchedule.DefaultWindowDays;
}

/// <summary>The SMTP server for e-mail (MailSender); no Host: e-mail is only logged.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Smtp:Port phải từ 1 đến 65535.")]
    public int Port { get; set; } = 587;

    public string? User { get; set; }
    public string? Password { get; set; }

    public string? From { get; set; }

    /// <summary>TLS: on connect for port 465, else STARTTLS (required). false only for a server on the same machine.</summary>
    public bool EnableSsl { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>OpenTelemetry traces, metrics and logs over OTLP; off while Endpoint is empty.</summary>
public sealed class TelemetryOptions
{
    public string? Endpoint { get; set; }

    [RegularExpression("^(grpc|http/protobuf)$", ErrorMessage = "OpenTelemetry:Protocol phải là grpc hoặc http/protobuf.")]
    public string Protocol { get; set; } = "grpc";

    [Required(ErrorMessage = "OpenTelemetry:ServiceName không được để trống.")]
    public string ServiceName { get; set; } = "partrack";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint);
}

/// <summary>Where evidence files are kept: a folder (Disk) or the database (several instances without a shared folder).</summary>
/// <summary>Rendered fragments (Features/Shared/FragmentCache; docs/benchmarks.md, "Rendered fragments").</summary>
public sealed class PerformanceOptions
{
    public bool FragmentCache { get; set; } = true;

    [Range(1, 1440, ErrorMessage = "Performance:FragmentCacheMinutes phải từ 1 đến 1440 (phút).")]
    public int FragmentCacheMinutes { get; set; } = 10;

    [Range(1, 4096, ErrorMessage = "Performance:FragmentCacheMegabytes phải từ 1 đến 4096 (MB).")]
    public int FragmentCacheMegabytes { get; set; } = 100;
}

public sealed class FilesOptions
{
    [RegularExpression("(?i)^(Disk|Database)$", ErrorMessage = "Files:Store phải là Disk (thư mục Storage:Files) hoặc Database (lưu tệp trong cơ sở dữ liệu).")]
    public string Store { get; set; } = "Disk";
}

public static class Settings
{
    public static IServiceCollection AddSettings(this IServiceCollection services)
    {
        Add<DatabaseOptions>(services, "Database")
            .Validate<IConfiguration>((o, config) => !DataSetup.IsPostgres(o.Provider) || !string.IsNullOrWhiteSpace(config.GetConnectionString("Postgres")),
                "ConnectionStrings:Postgres: cần chuỗi kết nối khi Database:Provider là Postgres.");
        Add<DemoOptions>(services, "Demo");
        Add<FilesOptions>(services, "Files");
        Add<ReportingOptions>(services, "Reporting");
        Add<PerformanceOptions>(services, "Performance");
        Add<SmtpOptions>(services, "Smtp")
            .Validate(o => !o.IsConfigured || MimeKit.MailboxAddress.TryParse(o.From ?? "", out _),
                "Smtp:From: cần địa chỉ e-mail người gửi (vd. cchc@tinh.gov.vn) khi đã cấu hình Smtp:Host.");
        Add<TelemetryOptions>(services, "OpenTelemetry")
            .Validate(o => !o.IsConfigured || IsHttpUrl(o.Endpoint!), "OpenTelemetry:Endpoint phải là một địa chỉ http(s)://máy:cổng.");
        return services;
    }

    static bool IsHttpUrl(string s) => Uri.TryCreate(s, UriKind.Absolute, out var u) && u.Scheme is "http" or "https";

    static OptionsBuilder<T> Add<T>(IServiceCollection services, string section) where T : class =>
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>
    /// Checks every setting now (before the database is touched); on a wrong one writes what is wrong, naming the
    /// key, and returns false so that the app stops. The host would check them again when it starts.
    /// </summary>
    public static bool AreValid(IServiceProvider services, TextWriter stderr)
    {
        try
        {
            services.GetService<IStartupValidator>()?.Validate();
            return true;
        }
        catch (Exception ex) when (ex is OptionsValidationException or AggregateException or InvalidOperationException)
        {
            stderr.WriteLine("Cấu hình không hợp lệ; ứng dụng dừng. Sửa các khóa sau (appsettings.json, biến môi trường Muc__Khoa hoặc --Muc:Khoa=...):");
            foreach (var message in Messages(ex)) stderr.WriteLine("  - " + message);
            return false;
        }
    }

    static IEnumerable<string> Messages(Exception ex) => ex switch
    {
        AggregateException a => a.InnerExceptions.SelectMany(Messages),
        OptionsValidationException v => v.Failures,
        // The binder names the key: "Failed to convert configuration value at 'Smtp:Port' to type 'System.Int32'."
        _ => [ex.Message],
    };
}
