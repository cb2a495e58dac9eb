using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Shared;

/// <summary>
/// "A form posted twice creates one record". A create form carries a one-time key
/// (<c>&lt;form-once /&gt;</c> inside the form); the handler first asks <see cref="EarlierResultAsync"/> and
/// redirects there if the key was already used, otherwise saves its record with
/// <see cref="SaveChangesAsync"/>, which stores the key in the same transaction (unique index), so even
/// two simultaneous posts create one record. Work that saves by itself (several saves, notifications) runs
/// inside <see cref="RunAsync"/> instead: the key is claimed first in a transaction that holds the whole work.
/// </summary>
public sealed class FormOnce(AppDbContext db, IHttpContextAccessor http, Features.Accounts.CurrentUser user, TimeProvider clock)
{
    public const string FieldName = "__FormKey";

    string? Key
    {
        get
        {
            var request = http.HttpContext?.Request;
            if (request is null || !request.HasFormContentType) return null;
            var key = request.Form[FieldName].ToString();
            return string.IsNullOrWhiteSpace(key) || key.Length > Limits.ShortText ? null : key;
        }
    }

    /// <summary>Where the earlier post with this form's key led, or null when this is the first post.</summary>
    public async Task<string?> EarlierResultAsync(CancellationToken ct = default)
    {
        if (Key is not { } key) return null;
        var earlier = await db.FormSubmissions.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, ct);
        return earlier is null ? null : earlier.ResultUrl ?? "/";
    }

    /// <summary>
    /// Runs <paramref name="create"/> (which may save several times) in one transaction that first stores this
    /// form's key. A simultaneous post with the same key waits for that transaction (PostgreSQL: on the key's
    /// unique index; SQLite: BEGIN IMMEDIATE) and is then sent where the first went, so it never runs the work.
    /// <paramref name="create"/> returns the new record's URL, or null to refuse (its messages set by the page):
    /// then nothing is kept, not even the key, so the corrected form can be posted again.
    /// Returns where to redirect, or null when refused.
    /// </summary>
    public async Task<string?> RunAsync(Func<Task<string?>> create, CancellationToken ct = default)
    {
        if (Key is not { } key) return await create();
        if (await EarlierResultAsync(ct) is { } earlier) return earlier;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // SQLite: the write lock is ours now, so an earlier post with this key has committed or not started.
        if (await EarlierResultAsync(ct) is { } committed) return committed;
        var submission = new FormSubmission { Key = key, UserName = user.UserName, AtUtc = clock.GetUtcNow().UtcDateTime };
        db.FormSubmissions.Add(submission);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // PostgreSQL: another post with this key committed while we waited on its row.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await EarlierResultAsync(ct) is { } first) return first;
            throw;
        }
        var url = await create();
        if (url is null)
        {
            await tx.RollbackAsync(ct);
            db.Entry(submission).State = EntityState.Detached;
            return null;
        }
        submission.ResultUrl = url;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return url;
    }

    /// <summary>
    /// For work that commits in transactions of its own and so cannot run inside <see cref="RunAsync"/>'s (a dossier
    /// import writes a batch per transaction): the key is claimed and committed first, pointing at
    /// <paramref name="whileRunning"/>, so a second post of the form goes there instead of doing the work again; when
    /// the work ends the key points at its result. Refused work (null) releases the key, so the form can be sent again.
    /// </summary>
    public async Task<string?> ClaimThenRunAsync(Func<Task<string?>> work, string whileRunning, CancellationToken ct = default)
    {
        if (Key is not { } key) return await work();
        if (await EarlierResultAsync(ct) is { } earlier) return earlier;
        var submission = new FormSubmission { Key = key, UserName = user.UserName, AtUtc = clock.GetUtcNow().UtcDateTime, ResultUrl = whileRunning };
        db.FormSubmissions.Add(submission);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same form's other post claimed the key a moment earlier (unique index).
            db.Entry(submission).State = EntityState.Detached;
            return await EarlierResultAsync(ct) ?? whileRunning;
        }
        string? url = null;
        try
        {
            url = await work();
        }
        finally
        {
            if (url is null) db.FormSubmissions.Remove(submission);
            else submission.ResultUrl = url;
            await db.SaveChangesAsync(CancellationToken.None);
        }
        return url;
    }

    /// <summary>
    /// Saves pending changes together with this form's key; <paramref name="resultUrl"/> is computed after
    /// the save (new ids are known) and is where a repeat post will be sent. Returns the URL to redirect to:
    /// the new result, or the earlier one if another post with the same key won a race.
    /// </summary>
    public async Task<string> SaveChangesAsync(Func<string> resultUrl, CancellationToken ct = default) =>
        // The pending changes are saved with the key's claim, in the same transaction as its result.
        (await RunAsync(async () =>
        {
            await db.SaveChangesAsync(ct);
            return resultUrl();
        }, ct))!;
}

/// <summary>Renders the hidden one-time key: <c>&lt;form-once /&gt;</c> inside a create form.</summary>
[HtmlTargetElement("form-once", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormOnceTagHelper : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "input";
        output.TagMode = TagMode.SelfClosing;
        output.Attributes.SetAttribute("type", "hidden");
        output.Attributes.SetAttribute("name", FormOnce.FieldName);
        output.Attributes.SetAttribute("value", Guid.NewGuid().ToString("N"));
    }
}
