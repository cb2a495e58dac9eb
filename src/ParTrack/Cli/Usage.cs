namespace ParTrack.Cli;

/// <summary>
/// What `partrack` answers to `--help` and to a verb it does not know: the usage and exit code 2, instead of
/// starting the web server with the words as settings. Arguments starting with `-` (`--urls …`,
/// `--Section:Key=value`) are the web app's settings, not verbs.
/// </summary>
public static class Usage
{
    public const int ExitCode = 2;

    /// <summary>Every verb Program.cs handles, hidden ones included; a new verb goes here too.</summary>
    static readonly string[] Verbs = ["import", "dossiers", "backup", "demo", "admin", "generate-large", "crash-writer", "bench-generate"];

    static readonly string[] HelpWords = ["--help", "-h", "-?", "/?", "help"];

    /// <summary>True when the arguments ask for help or start with an unknown verb (the usage has been written).</summary>
    public static bool Answered(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args is [var first, ..] && HelpWords.Contains(first, StringComparer.OrdinalIgnoreCase))
        {
            stdout.Write(Text);
            return true;
        }
        if (args is [var verb, ..] && !verb.StartsWith('-') && !Verbs.Contains(verb))
        {
            stderr.WriteLine($"Không có lệnh \"{verb}\".");
            stderr.Write(Text);
            return true;
        }
        return false;
    }

    const string Text = """
        Cách dùng: partrack [LỆNH] [--Mục:Khóa=giá-trị …]

          (không có lệnh)          chạy ứng dụng web (--urls http://127.0.0.1:5080)
          import TỆP [--json]      đọc văn bản kế hoạch và in kết quả (--json: plan JSON)
          dossiers kpis TỆP --from NGÀY --to NGÀY [--json]
                                   tính chỉ số phục vụ từ tệp hồ sơ một cửa (CSV/XLSX), không cần cơ sở dữ liệu
          dossiers import TỆP [--source TÊN]
                                   nhập hồ sơ một cửa vào cơ sở dữ liệu đã cấu hình (nhập lại không nhân đôi)
          demo                     xóa cơ sở dữ liệu đã cấu hình và tạo lại dữ liệu demo
          backup [ĐƯỜNG-DẪN]       sao lưu cơ sở dữ liệu SQLite khi ứng dụng đang chạy
          admin create TÊN [--name "Họ tên"]
                                   tạo tài khoản quản trị (mật khẩu nhập hai lần hoặc một dòng từ stdin)
          --help                   in hướng dẫn này

        Cấu hình: appsettings.json, biến môi trường (Muc__Khoa) hoặc --Mục:Khóa=giá-trị; xem docs/configuration.md.

        """;
}
