using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ParTrack.Data;

namespace ParTrack.Features.Accounts;

/// <summary>One field of an audit entry as people read it: label, old value → new value.</summary>
public sealed record AuditChange(string Field, string Before, string After);

/// <summary>
/// Turns the audit log's raw JSON (property names, ISO dates, ids) into Vietnamese labels and readable values.
/// Names the table does not know fall back to the raw name: a module's new entity still shows, just less nicely.
/// </summary>
public sealed class AuditReading
{
    static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static readonly IReadOnlyDictionary<string, string> EntityLabels = new Dictionary<string, string>
    {
        ["Agency"] = "Cơ quan", ["AgencyGroup"] = "Nhóm cơ quan", ["AgencyAlias"] = "Tên gọi khác của cơ quan",
        ["AgencyScopedAlias"] = "Tên gọi riêng của cơ quan", ["User"] = "Tài khoản", ["IntegrationToken"] = "Khóa tích hợp",
        ["SignIn"] = "Đăng nhập", ["Plan"] = "Kế hoạch", ["PlanArea"] = "Lĩnh vực kế hoạch", ["PlanTarget"] = "Mục tiêu",
        ["TargetMeasure"] = "Chỉ tiêu", ["PlanTask"] = "Nhiệm vụ", ["Activity"] = "Hoạt động", ["Assignment"] = "Phân công",
        ["Notification"] = "Thông báo",
    };

    public static readonly IReadOnlyDictionary<string, string> FieldLabels = new Dictionary<string, string>
    {
        ["Name"] = "Tên", ["ShortName"] = "Tên viết tắt", ["Title"] = "Tiêu đề", ["Kind"] = "Loại", ["Level"] = "Cấp",
        ["ParentId"] = "Trực thuộc", ["AgencyId"] = "Cơ quan", ["OwnerAgencyId"] = "Cơ quan chủ trì", ["PlanId"] = "Kế hoạch",
        ["ParentPlanId"] = "Kế hoạch gốc", ["UserId"] = "Người dùng", ["UserName"] = "Tên đăng nhập", ["DisplayName"] = "Họ tên",
        ["Role"] = "Vai trò", ["Active"] = "Đang hoạt động", ["Status"] = "Trạng thái", ["Number"] = "Số hiệu",
        ["DocumentType"] = "Loại văn bản", ["ValidFrom"] = "Hiệu lực từ", ["ValidTo"] = "Hiệu lực đến", ["SuccessorId"] = "Kế thừa",
        ["PasswordHash"] = "Mật khẩu", ["CreatedUtc"] = "Tạo lúc", ["CreatedBy"] = "Người tạo", ["ExpiresUtc"] = "Hết hạn",
        ["RevokedUtc"] = "Thu hồi lúc", ["LastUsedUtc"] = "Dùng lần cuối", ["LockedUntilUtc"] = "Khóa đến",
        ["FailedLogins"] = "Số lần đăng nhập sai", ["Deadline"] = "Hạn", ["DueDate"] = "Hạn", ["StartDate"] = "Ngày bắt đầu",
        ["EndDate"] = "Ngày kết thúc", ["Text"] = "Nội dung", ["Note"] = "Ghi chú", ["Comment"] = "Ý kiến", ["ReadUtc"] = "Đã đọc lúc",
    };

    public static string EntityLabel(string entity) => EntityLabels.GetValueOrDefault(entity, entity);
    public static string FieldLabel(string field) => FieldLabels.GetValueOrDefault(field, field);

    readonly IStringLocalizer _t;
    readonly Dictionary<int, string> _agencies, _users, _plans;

    AuditReading(IStringLocalizer t, Dictionary<int, string> agencies, Dictionary<int, string> users, Dictionary<int, string> plans) =>
        (_t, _agencies, _users, _plans) = (t, agencies, users, plans);

    /// <summary>Reads the names of every agency, user and plan the entries mention: three queries for the whole page.</summary>
    public static async Task<AuditReading> ForAsync(AppDbContext db, IStringLocalizer t, IReadOnlyCollection<AuditEntry> entries, CancellationToken ct = default)
    {
        var ids = entries.SelectMany(e => Values(e.Before).Concat(Values(e.After)))
            .Where(v => v.Value.ValueKind == JsonValueKind.Number && v.Value.TryGetInt32(out _))
            .Select(v => (Kind: KindOf(v.Name), Id: v.Value.GetInt32())).Where(x => x.Kind != null).ToList();
        List<int> of(string kind) => ids.Where(x => x.Kind == kind).Select(x => x.Id).Distinct().ToList();
        var (a, u, p) = (of("agency"), of("user"), of("plan"));
        return new(t,
            a.Count == 0 ? [] : await db.Agencies.AsNoTracking().Where(x => a.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct),
            u.Count == 0 ? [] : await db.Users.AsNoTracking().Where(x => u.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.DisplayName, ct),
            p.Count == 0 ? [] : await db.Plans.AsNoTracking().Where(x => p.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Title, ct));
    }

    /// <summary>Which table an id field points at, for the fields whose names say it.</summary>
    static string? KindOf(string field) => field switch
    {
        "ParentId" or "SuccessorId" or "AgencyId" or "OwnerAgencyId" => "agency",
        "UserId" => "user",
        "PlanId" or "ParentPlanId" => "plan",
        _ when field.EndsWith("AgencyId", StringComparison.Ordinal) => "agency",
        _ => null,
    };

    /// <summary>Each field the entry touched, old → new (a field only added has no old value, only deleted no new).</summary>
    public IReadOnlyList<AuditChange> Changes(AuditEntry entry)
    {
        var before = Values(entry.Before).ToDictionary(v => v.Name, v => v.Value);
        var after = Values(entry.After).ToDictionary(v => v.Name, v => v.Value);
        return before.Keys.Concat(after.Keys.Where(k => !before.ContainsKey(k)))
            .Select(k => new AuditChange(_t[FieldLabel(k)],
                before.TryGetValue(k, out var b) ? Format(k, b) : "",
                after.TryGetValue(k, out var a) ? Format(k, a) : ""))
            .ToList();
    }

    string Format(string field, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null: return "—";
            case JsonValueKind.True: return _t["Có"];
            case JsonValueKind.False: return _t["Không"];
            case JsonValueKind.Number when value.TryGetInt32(out var id) && KindOf(field) is { } kind:
                var names = kind switch { "agency" => _agencies, "user" => _users, _ => _plans };
                return names.TryGetValue(id, out var name) ? name : id.ToString(CultureInfo.InvariantCulture);
            case JsonValueKind.String:
                var text = value.GetString() ?? "";
                // Stored times are UTC (the interceptor serialises DateTime as ISO 8601); people read Vietnam time.
                if (text.Length >= 19 && text[10] == 'T' && DateTime.TryParse(text, CultureInfo.InvariantCulture,
                        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                    return (at + Vietnam).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
                if (text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    return day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
                return text;
            default: return value.GetRawText();
        }
    }

    static IEnumerable<(string Name, JsonElement Value)> Values(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [];
            return doc.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.Clone())).ToList();
        }
        catch (JsonException) { return []; } // a hand-written row (sign-ins) may hold plain text
    }

    public static string Local(DateTime utc) => (utc + Vietnam).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
