using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ParTrack.Tests.Infrastructure.LegacyMigrations;

// Kept from the app for LegacyUpgradeTests. Written by hand (the EF design-time tools were not available then).
// Column types are left to the provider so the same migration gives the same schema as the model on SQLite
// and PostgreSQL.
[DbContext(typeof(LegacyAppDbContext))]
[Migration("20250101000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("AgencyGroups", t => new
        {
            Id = Identity(t),
            Name = t.Column<string>(maxLength: 300, nullable: false),
            MemberKinds = t.Column<string>(maxLength: 300, nullable: false),
            MemberLevel = t.Column<string>(maxLength: 20, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AgencyGroups", x => x.Id));

        m.CreateTable("Agencies", t => new
        {
            Id = Identity(t),
            Name = t.Column<string>(maxLength: 300, nullable: false),
            ShortName = t.Column<string>(maxLength: 100, nullable: true),
            Kind = t.Column<string>(maxLength: 40, nullable: false),
            Level = t.Column<string>(maxLength: 20, nullable: false),
            ParentId = t.Column<int>(nullable: true),
            ValidFrom = t.Column<DateOnly>(nullable: true),
            ValidTo = t.Column<DateOnly>(nullable: true),
            SuccessorId = t.Column<int>(nullable: true),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Agencies", x => x.Id);
            t.ForeignKey("FK_Agencies_Agencies_ParentId", x => x.ParentId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Agencies_Agencies_SuccessorId", x => x.SuccessorId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("AgencyAliases", t => new
        {
            Id = Identity(t),
            Text = t.Column<string>(maxLength: 300, nullable: false),
            Key = t.Column<string>(maxLength: 300, nullable: false),
            AgencyId = t.Column<int>(nullable: true),
            GroupId = t.Column<int>(nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_AgencyAliases", x => x.Id);
            t.ForeignKey("FK_AgencyAliases_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_AgencyAliases_AgencyGroups_GroupId", x => x.GroupId, "AgencyGroups", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("Users", t => new
        {
            Id = Identity(t),
            UserName = t.Column<string>(maxLength: 100, nullable: false),
            DisplayName = t.Column<string>(maxLength: 300, nullable: false),
            PasswordHash = t.Column<string>(maxLength: 500, nullable: false),
            Role = t.Column<string>(maxLength: 30, nullable: false),
            AgencyId = t.Column<int>(nullable: true),
            FailedLogins = t.Column<int>(nullable: false),
            LockedUntilUtc = t.Column<DateTime>(nullable: true),
            Active = t.Column<bool>(nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Users", x => x.Id);
            t.ForeignKey("FK_Users_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("AuditEntries", t => new
        {
            Id = LongIdentity(t),
            AtUtc = t.Column<DateTime>(nullable: false),
            UserName = t.Column<string>(maxLength: 100, nullable: false),
            Entity = t.Column<string>(maxLength: 100, nullable: false),
            EntityId = t.Column<string>(maxLength: 100, nullable: false),
            Action = t.Column<string>(maxLength: 40, nullable: false),
            Before = t.Column<string>(nullable: true),
            After = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Id));

        m.CreateTable("FormSubmissions", t => new
        {
            Id = Identity(t),
            Key = t.Column<string>(maxLength: 100, nullable: false),
            UserName = t.Column<string>(maxLength: 100, nullable: false),
            AtUtc = t.Column<DateTime>(nullable: false),
            ResultUrl = t.Column<string>(maxLength: 300, nullable: true),
        }, constraints: t => t.PrimaryKey("PK_FormSubmissions", x => x.Id));

        m.CreateTable("Plans", t => new
        {
            Id = Identity(t),
            ParentPlanId = t.Column<int>(nullable: true),
            OwnerAgencyId = t.Column<int>(nullable: true),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 4000, nullable: false),
            Number = t.Column<string>(maxLength: 100, nullable: true),
            DocumentType = t.Column<string>(maxLength: 100, nullable: true),
            Issuer = t.Column<string>(maxLength: 300, nullable: true),
            Place = t.Column<string>(maxLength: 100, nullable: true),
            IssuedOn = t.Column<DateOnly>(nullable: true),
            Signer = t.Column<string>(maxLength: 300, nullable: true),
            FromYear = t.Column<int>(nullable: false),
            ToYear = t.Column<int>(nullable: false),
            DepartmentPlanDeadline = t.Column<DateOnly>(nullable: true),
            CentralPlanDeadline = t.Column<DateOnly>(nullable: true),
            CommunePlanDeadline = t.Column<DateOnly>(nullable: true),
            CreatedAtUtc = t.Column<DateTime>(nullable: false),
            IssuedAtUtc = t.Column<DateTime>(nullable: true),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Plans", x => x.Id);
            t.ForeignKey("FK_Plans_Plans_ParentPlanId", x => x.ParentPlanId, "Plans", "Id", onDelete: ReferentialAction.Restrict);
            t.ForeignKey("FK_Plans_Agencies_OwnerAgencyId", x => x.OwnerAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
        });

        m.CreateTable("PlanAreas", t => new
        {
            Id = Identity(t),
            PlanId = t.Column<int>(nullable: false),
            Code = t.Column<string>(maxLength: 20, nullable: false),
            Title = t.Column<string>(maxLength: 4000, nullable: false),
            Order = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PlanAreas", x => x.Id);
            t.ForeignKey("FK_PlanAreas_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("PlanTargets", t => new
        {
            Id = Identity(t),
            PlanId = t.Column<int>(nullable: false),
            AreaId = t.Column<int>(nullable: true),
            Code = t.Column<string>(maxLength: 20, nullable: true),
            Text = t.Column<string>(maxLength: 20000, nullable: false),
            Order = t.Column<int>(nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PlanTargets", x => x.Id);
            t.ForeignKey("FK_PlanTargets_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_PlanTargets_PlanAreas_AreaId", x => x.AreaId, "PlanAreas", "Id", onDelete: ReferentialAction.SetNull);
        });

        m.CreateTable("TargetMeasures", t => new
        {
            Id = Identity(t),
            TargetId = t.Column<int>(nullable: false),
            Level = t.Column<string>(maxLength: 20, nullable: true),
            Comparator = t.Column<string>(maxLength: 20, nullable: false),
            Value = t.Column<decimal>(precision: 18, scale: 4, nullable: false),
            Unit = t.Column<string>(maxLength: 100, nullable: true),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_TargetMeasures", x => x.Id);
            t.ForeignKey("FK_TargetMeasures_PlanTargets_TargetId", x => x.TargetId, "PlanTargets", "Id", onDelete: ReferentialAction.Cascade);
        });

        m.CreateTable("PlanTasks", t => new
        {
            Id = Identity(t),
            PlanId = t.Column<int>(nullable: false),
            AreaId = t.Column<int>(nullable: true),
            Code = t.Column<string>(maxLength: 20, nullable: true),
            Text = t.Column<string>(maxLength: 20000, nullable: false),
            TargetCodes = t.Column<string>(maxLength: 300, nullable: false),
            Order = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_PlanTasks", x => x.Id);
            t.ForeignKey("FK_PlanTasks_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_PlanTasks_PlanAreas_AreaId", x => x.AreaId, "PlanAreas", "Id", onDelete: ReferentialAction.SetNull);
        });

        m.CreateTable("Activities", t => new
        {
            Id = Identity(t),
            PlanId = t.Column<int>(nullable: false),
            AreaId = t.Column<int>(nullable: true),
            TaskId = t.Column<int>(nullable: true),
            SourceActivityId = t.Column<int>(nullable: true),
            Code = t.Column<string>(maxLength: 20, nullable: true),
            Text = t.Column<string>(maxLength: 20000, nullable: false),
            Outputs = t.Column<string>(maxLength: 20000, nullable: true),
            DueText = t.Column<string>(maxLength: 4000, nullable: true),
            DueKind = t.Column<string>(maxLength: 20, nullable: false),
            DueStart = t.Column<DateOnly>(nullable: true),
            DueEnd = t.Column<DateOnly>(nullable: true),
            Budget = t.Column<string>(maxLength: 4000, nullable: true),
            Status = t.Column<string>(maxLength: 20, nullable: false),
            Order = t.Column<int>(nullable: false),
            Version = t.Column<Guid>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Activities", x => x.Id);
            t.ForeignKey("FK_Activities_Plans_PlanId", x => x.PlanId, "Plans", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Activities_PlanAreas_AreaId", x => x.AreaId, "PlanAreas", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_Activities_PlanTasks_TaskId", x => x.TaskId, "PlanTasks", "Id", onDelete: ReferentialAction.SetNull);
        });

        m.CreateTable("Assignments", t => new
        {
            Id = Identity(t),
            ActivityId = t.Column<int>(nullable: false),
            Role = t.Column<string>(maxLength: 20, nullable: false),
            Name = t.Column<string>(maxLength: 4000, nullable: false),
            AgencyId = t.Column<int>(nullable: true),
            GroupId = t.Column<int>(nullable: true),
            Order = t.Column<int>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_Assignments", x => x.Id);
            t.ForeignKey("FK_Assignments_Activities_ActivityId", x => x.ActivityId, "Activities", "Id", onDelete: ReferentialAction.Cascade);
            t.ForeignKey("FK_Assignments_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.SetNull);
            t.ForeignKey("FK_Assignments_AgencyGroups_GroupId", x => x.GroupId, "AgencyGroups", "Id", onDelete: ReferentialAction.SetNull);
        });

        m.CreateIndex("IX_Agencies_Name", "Agencies", "Name");
        m.CreateIndex("IX_Agencies_ParentId", "Agencies", "ParentId");
        m.CreateIndex("IX_Agencies_SuccessorId", "Agencies", "SuccessorId");
        m.CreateIndex("IX_AgencyAliases_Key", "AgencyAliases", "Key", unique: true);
        m.CreateIndex("IX_AgencyAliases_AgencyId", "AgencyAliases", "AgencyId");
        m.CreateIndex("IX_AgencyAliases_GroupId", "AgencyAliases", "GroupId");
        m.CreateIndex("IX_Users_UserName", "Users", "UserName", unique: true);
        m.CreateIndex("IX_Users_AgencyId", "Users", "AgencyId");
        m.CreateIndex("IX_AuditEntries_AtUtc", "AuditEntries", "AtUtc");
        m.CreateIndex("IX_FormSubmissions_Key", "FormSubmissions", "Key", unique: true);
        m.CreateIndex("IX_Plans_ParentPlanId_OwnerAgencyId", "Plans", ["ParentPlanId", "OwnerAgencyId"]);
        m.CreateIndex("IX_Plans_OwnerAgencyId", "Plans", "OwnerAgencyId");
        m.CreateIndex("IX_PlanAreas_PlanId", "PlanAreas", "PlanId");
        m.CreateIndex("IX_PlanTargets_PlanId", "PlanTargets", "PlanId");
        m.CreateIndex("IX_PlanTargets_AreaId", "PlanTargets", "AreaId");
        m.CreateIndex("IX_TargetMeasures_TargetId", "TargetMeasures", "TargetId");
        m.CreateIndex("IX_PlanTasks_PlanId", "PlanTasks", "PlanId");
        m.CreateIndex("IX_PlanTasks_AreaId", "PlanTasks", "AreaId");
        m.CreateIndex("IX_Activities_PlanId_Order", "Activities", ["PlanId", "Order"]);
        m.CreateIndex("IX_Activities_SourceActivityId", "Activities", "SourceActivityId");
        m.CreateIndex("IX_Activities_AreaId", "Activities", "AreaId");
        m.CreateIndex("IX_Activities_TaskId", "Activities", "TaskId");
        m.CreateIndex("IX_Assignments_ActivityId", "Assignments", "ActivityId");
        m.CreateIndex("IX_Assignments_AgencyId_Role", "Assignments", ["AgencyId", "Role"]);
        m.CreateIndex("IX_Assignments_GroupId", "Assignments", "GroupId");
    }

    // Both providers' identity annotations; each provider reads only its own.
    static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder t) =>
        t.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    static OperationBuilder<AddColumnOperation> LongIdentity(ColumnsBuilder t) =>
        t.Column<long>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "Assignments", "Activities", "PlanTasks", "TargetMeasures", "PlanTargets", "PlanAreas",
                     "Plans", "FormSubmissions", "AuditEntries", "Users", "AgencyAliases", "Agencies", "AgencyGroups" })
            m.DropTable(table);
    }
}
