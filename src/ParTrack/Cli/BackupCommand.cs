using Microsoft.Data.Sqlite;
using ParTrack.Data;

namespace ParTrack.Cli;

/// <summary>
/// `partrack backup [PATH]`: a consistent copy of the SQLite database. VACUUM INTO reads inside one
/// transaction, so it is safe while the app is running and writing (WAL). PostgreSQL has its own tool.
/// </summary>
public static class BackupCommand
{
    public static int Run(DatabaseSettings settings, string? path, DateTime nowUtc, TextWriter stdout, TextWriter stderr)
    {
        if (settings.IsPostgres)
        {
            stderr.WriteLine("Cơ sở dữ liệu đang dùng là PostgreSQL: lệnh này chỉ sao lưu SQLite. Hãy sao lưu bằng pg_dump, ví dụ:");
            stderr.WriteLine("  pg_dump --format=custom --file=partrack.dump \"<tên cơ sở dữ liệu>\"   (khôi phục: pg_restore)");
            return 2;
        }

        var source = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (!File.Exists(source))
        {
            stderr.WriteLine($"Không tìm thấy cơ sở dữ liệu {source}. Hãy kiểm tra ConnectionStrings:Sqlite hoặc chạy ứng dụng một lần để tạo nó.");
            return 1;
        }
        var target = Path.GetFullPath(path ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(source))!, "backups",
            $"partrack-{nowUtc:yyyyMMdd-HHmmss}.db"));
        if (File.Exists(target))
        {
            stderr.WriteLine($"Tệp {target} đã có. Hãy chọn tên tệp khác (lệnh không ghi đè bản sao lưu cũ).");
            return 1;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        using (var conn = new SqliteConnection(settings.ConnectionString))
        {
            conn.Open();
            using var vacuum = conn.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $target";
            vacuum.Parameters.AddWithValue("$target", target);
            vacuum.ExecuteNonQuery();
        }

        // Check the copy before saying it is good.
        string check;
        using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            copy.Open();
            using var cmd = copy.CreateCommand();
            cmd.CommandText = "PRAGMA integrity_check";
            check = Convert.ToString(cmd.ExecuteScalar()) ?? "";
        }
        if (check != "ok")
        {
            stderr.WriteLine($"Bản sao {target} không vượt qua kiểm tra toàn vẹn ({check}). Hãy thử lại; nếu vẫn lỗi, chép tệp khi ứng dụng đã dừng.");
            return 1;
        }
        stdout.WriteLine($"Đã sao lưu {source} vào {target} ({new FileInfo(target).Length / 1024} KB, kiểm tra toàn vẹn: ok).");
        return 0;
    }
}
