using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ParTrack.Data;

namespace ParTrack.Features.Notifications;

/// <summary>What a notification is about, for the e-mail choice: a user is e-mailed only about the topics they chose.</summary>
[Flags]
public enum MailTopics
{
    None = 0,
    /// <summary>A report submitted or resubmitted (coordinators).</summary>
    ReportsSubmitted = 1,
    /// <summary>The agency's report returned or accepted.</summary>
    ReportsReviewed = 2,
    /// <summary>Reminders of report and self-assessment deadlines.</summary>
    Deadlines = 4,
    /// <summary>PAR Index steps opened, closed, results published.</summary>
    ParSteps = 8,
}

/// <summary>
/// One user's choice of notification e-mail (issue 10: "E-mail optional per user"): the address and the topics.
/// No row, or no topic, means no e-mail; the in-app notifications are always there. Its own table, so a change is
/// audited by the save interceptor like any other.
/// </summary>
public sealed class EmailChoice
{
    public int UserId { get; set; }
    public string? Address { get; set; }
    public MailTopics Topics { get; set; }
}

sealed class EmailChoiceConfig : IEntityTypeConfiguration<EmailChoice>
{
    public void Configure(EntityTypeBuilder<EmailChoice> e)
    {
        e.HasKey(x => x.UserId);
        e.Property(x => x.UserId).ValueGeneratedNever();
        e.Property(x => x.Address).HasMaxLength(Limits.Name);
        e.HasOne<User>().WithOne().HasForeignKey<EmailChoice>(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
