using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Features.Plans;
using ParTrack.Features.Shared;

namespace ParTrack.Features.Reporting.Documents;

/// <summary>A paragraph as the coordinator posts it: the text, the draft text it was shown beside, and "take the new figures".</summary>
public sealed class ParagraphInput
{
    public string Key { get; set; } = "";
    public string? Text { get; set; }
    public string? Base { get; set; }
    public bool TakeNew { get; set; }
}

/// <summary>One paragraph in the editor: the fresh draft's paragraph, the saved text if edited, and the text the edit was made against.</summary>
public sealed record EditorParagraph(DraftParagraph Fresh, string? Edited, string? EditedAgainst)
{
    public string Text => Edited ?? Fresh.Text;
    /// <summary>Hand-edited, and the data now drafts this paragraph differently from when it was edited.</summary>
    public bool Changed => Edited is not null && EditedAgainst is not null && EditedAgainst.Trim() != (SafeText.Normalize(Fresh.Text) ?? "").Trim();
}

/// <summary>The province report's current text for a period: the latest saved version applied to the fresh draft, else the fresh draft.</summary>
public sealed class ReportDrafts(AppDbContext db, ProvinceReport province, TimeProvider clock)
{
    public async Task<ReportDraft?> CurrentAsync(int periodId, CancellationToken ct = default)
    {
        var draft = await province.DraftAsync(periodId, ct);
        if (draft is null) return null;
        var latest = await LatestAsync(periodId, ct);
        return latest is null ? draft : draft.WithTexts(latest.Texts);
    }

    public Task<ReportDraftVersion?> LatestAsync(int periodId, CancellationToken ct = default) =>
        db.Set<ReportDraftVersion>().AsNoTracking().Where(v => v.PeriodId == periodId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);

    public Task<List<ReportDraftVersion>> VersionsAsync(int periodId, CancellationToken ct = default) =>
        db.Set<ReportDraftVersion>().AsNoTracking().Where(v => v.PeriodId == periodId).OrderByDescending(v => v.Number).ToListAsync(ct);

    /// <summary>Every paragraph of the fresh draft with the latest version's edit, keyed for the editor.</summary>
    public static Dictionary<string, EditorParagraph> Paragraphs(ReportDraft fresh, ReportDraftVersion? latest)
    {
        var texts = latest?.Texts ?? new Dictionary<string, string>();
        var bases = latest?.Bases ?? new Dictionary<string, string>();
        return fresh.AllParagraphs.DistinctBy(p => p.Key)
            .ToDictionary(p => p.Key, p => new EditorParagraph(p, texts.GetValueOrDefault(p.Key), bases.GetValueOrDefault(p.Key)));
    }

    /// <summary>
    /// Saves a new version from the posted paragraphs. <paramref name="readVersion"/> is the version number the
    /// editor was opened on (0: none); when someone saved since, nothing is saved and the message says so.
    /// A paragraph is "edited" when its text differs from the draft text it was shown beside; edits of paragraphs
    /// not posted (e.g. no longer in the draft) are carried over, so nothing typed is lost.
    /// </summary>
    public async Task<Outcome<ReportDraftVersion>> SaveAsync(int periodId, int readVersion, IReadOnlyList<ParagraphInput> posted, string userName, CancellationToken ct = default)
    {
        var latest = await LatestAsync(periodId, ct);
        if ((latest?.Number ?? 0) != readVersion)
            return latest is null ? Outcome<ReportDraftVersion>.Invalid("version", "Phiên bản bạn mở không còn. Hãy mở lại trang; chưa có gì được lưu.") : Conflict(latest);
        var texts = new Dictionary<string, string>(latest?.Texts ?? new Dictionary<string, string>());
        var bases = new Dictionary<string, string>(latest?.Bases ?? new Dictionary<string, string>());
        var errors = new List<string>();
        foreach (var p in posted.Where(p => !string.IsNullOrWhiteSpace(p.Key) && p.Key.Length <= Limits.Name))
        {
            var shownBeside = SafeText.Normalize(p.Base) ?? "";
            var text = p.TakeNew ? shownBeside : SafeText.Normalize(p.Text) ?? "";
            if (Limits.TooLong($"Đoạn \"{Start(shownBeside)}\"", text, Limits.Text) is { } tooLong) { errors.Add(tooLong); continue; }
            texts.Remove(p.Key);
            bases.Remove(p.Key);
            if (text.Trim() == shownBeside.Trim()) continue;
            texts[p.Key] = text;
            bases[p.Key] = shownBeside;
        }
        if (errors.Count > 0) return Outcome<ReportDraftVersion>.Invalid("paragraphs", string.Join(" ", errors));
        var version = new ReportDraftVersion
        {
            PeriodId = periodId, Number = (latest?.Number ?? 0) + 1, TextsJson = ReportDraftVersion.Write(texts), BasesJson = ReportDraftVersion.Write(bases),
            SavedBy = userName, SavedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same next number a moment earlier (unique PeriodId, Number). No query here: on
            // PostgreSQL the failed statement has aborted the transaction, which the caller rolls back.
            db.Entry(version).State = EntityState.Detached;
            return Outcome<ReportDraftVersion>.Conflict(version, $"Một người khác vừa lưu phiên bản {version.Number} cùng lúc với bạn. " + KeptMessage);
        }
        return Outcome<ReportDraftVersion>.Ok(version);
    }

    /// <summary>Marks version <paramref name="number"/> final, only when it is still the latest (a final mark on an outdated text would mislead).</summary>
    public async Task<Outcome<ReportDraftVersion>> MarkFinalAsync(int periodId, int number, CancellationToken ct = default)
    {
        var latest = await db.Set<ReportDraftVersion>().Where(v => v.PeriodId == periodId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        if (latest is null) return Outcome<ReportDraftVersion>.Invalid("version", "Chưa có phiên bản nào được lưu. Hãy lưu phiên bản trước khi đánh dấu bản cuối.");
        if (latest.Number != number) return Conflict(latest);
        latest.IsFinal = true;
        await db.SaveChangesAsync(ct);
        return Outcome<ReportDraftVersion>.Ok(latest);
    }

    static Outcome<ReportDraftVersion> Conflict(ReportDraftVersion latest) => Outcome<ReportDraftVersion>.Conflict(latest,
        $"{latest.SavedBy} đã lưu phiên bản {latest.Number} lúc {latest.SavedAtUtc.AddHours(7):HH:mm dd/MM/yyyy} trong khi bạn đang sửa. " + KeptMessage);

    const string KeptMessage = "Chưa có gì được lưu; những đoạn bạn đã sửa vẫn còn dưới đây, các đoạn khác là phiên bản mới. Hãy xem lại rồi lưu lại.";

    static string Start(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
