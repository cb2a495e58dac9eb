using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.Notifications;

/// <summary>An in-app message for one user, or for every officer of an agency.</summary>
public sealed class Notification
{
    public int Id { get; set; }
    public int? UserId { get; set; }
    public int? AgencyId { get; set; }
    public string Text { get; set; } = "";
    public string? Url { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
    /// <summary>What it is about, for the users' e-mail choice; null: never e-mailed to users.</summary>
    public MailTopics? Topic { get; set; }
    /// <summary>When its e-mails went out (NotificationMail); null while they are still to send.</summary>
    public DateTime? MailedAtUtc { get; set; }
}

/// <summary>
/// A reminder already sent, by its ReminderSchedule key. The unique key is the lock between app
/// instances: whoever inserts the row sends; everyone else gets a unique-key violation and skips.
/// </summary>
public sealed class SentReminder
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public DateTime AtUtc { get; set; }
}

sealed class NotificationConfig : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(x => x.Text).HasMaxLength(Limits.Text);
        e.Property(x => x.Url).HasMaxLength(Limits.Name);
        e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.UserId);
        e.HasIndex(x => x.AgencyId);
        e.HasIndex(x => x.MailedAtUtc);
    }
}

sealed class SentReminderConfig : IEntityTypeConfiguration<SentReminder>
{
    public void Configure(EntityTypeBuilder<SentReminder> e)
    {
        e.Property(x => x.Key).HasMaxLength(Limits.Name);
        e.HasIndex(x => x.Key).IsUnique();
    }
}
