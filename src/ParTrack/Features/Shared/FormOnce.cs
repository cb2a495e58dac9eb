using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;
using ParTrack.Data;

namespace ParTrack.Features.Shared;

/// <summary>
/// "A form posted twice creates one record". A create form carries a one-time key
/// (<c>&lt;form-once /&gt;</c> inside the form); the handler first asks <see cref="EarlierResultAsync"/> and
/// redirects there if the key was already used, otherwise saves its record with
/// <see cref="SaveChangesAsync"/>, which stores the key in the same transaction (unique index), so even
/// two simultaneous posts create one record.
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
    /// Saves pending changes together with this form's key; <paramref name="resultUrl"/> is computed after
    /// the save (new ids are known) and is where a repeat post will be sent. Returns the URL to redirect to:
    /// the new result, or the earlier one if another post with the same key won a race.
    /// </summary>
    public async Task<string> SaveChangesAsync(Func<string> resultUrl, CancellationToken ct = default)
    {
        if (Key is not { } key)
        {
            await db.SaveChangesAsync(ct);
            return resultUrl();
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var submission = new FormSubmission { Key = key, UserName = user.UserName, AtUtc = clock.GetUtcNow().UtcDateTime };
        db.FormSubmissions.Add(submission);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another post with the same key won: undo ours and send this one where the first went.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            if (await EarlierResultAsync(ct) is { } earlier) return earlier;
            throw;
        }
        submission.ResultUrl = resultUrl();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return submission.ResultUrl;
    }
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
