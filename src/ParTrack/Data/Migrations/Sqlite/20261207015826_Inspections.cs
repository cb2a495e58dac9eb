using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ParTrack.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Inspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "InspectionProgramme",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ContentAreas = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Kinds = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Checklist = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecentYears = table.Column<int>(type: "INTEGER", nullable: false),
                    RemedyDays = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetMeasureId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionProgramme", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionProgramme_TargetMeasures_TargetMeasureId",
                        column: x => x.TargetMeasureId,
                        principalTable: "TargetMeasures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTemplate",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTemplate", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectionDraws",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Candidates = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Drawn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OnDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionDraws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionDraws_InspectionProgramme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "InspectionProgramme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionRound",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DecisionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionRound", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionRound_InspectionProgramme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "InspectionProgramme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTarget",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTarget", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionTarget_AgencyGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "AgencyGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InspectionTarget_InspectionProgramme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "InspectionProgramme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Inspection",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DrawId = table.Column<int>(type: "INTEGER", nullable: true),
                    ScheduledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DocumentsToPrepare = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DocumentsDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VisitedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SampledDossiers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConclusionNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConclusionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConclusionSigner = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspection", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspection_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inspection_InspectionDraws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "InspectionDraws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Inspection_InspectionProgramme_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "InspectionProgramme",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Inspection_InspectionRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "InspectionRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "InspectionTeamMember",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    IsLeader = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionTeamMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionTeamMember_InspectionRound_RoundId",
                        column: x => x.RoundId,
                        principalTable: "InspectionRound",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InspectionTeamMember_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "InspectionDocument",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Requirement = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionDocument", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionDocument_Inspection_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspection",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionFinding",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Criterion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Found = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RequiredRemedy = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ResponsibleAgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RemedyReport = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EvidenceFileName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    EvidenceContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    EvidenceSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionFinding", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionFinding_Agencies_ResponsibleAgencyId",
                        column: x => x.ResponsibleAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionFinding_Inspection_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspection",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InspectionObservation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionObservation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionObservation_Inspection_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspection",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Inspection_AgencyId",
                table: "Inspection",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspection_DrawId",
                table: "Inspection",
                column: "DrawId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspection_ProgrammeId_AgencyId",
                table: "Inspection",
                columns: new[] { "ProgrammeId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspection_RoundId",
                table: "Inspection",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionDocument_InspectionId",
                table: "InspectionDocument",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionDraws_ProgrammeId",
                table: "InspectionDraws",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFinding_InspectionId",
                table: "InspectionFinding",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionFinding_ResponsibleAgencyId",
                table: "InspectionFinding",
                column: "ResponsibleAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionObservation_InspectionId",
                table: "InspectionObservation",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionProgramme_TargetMeasureId",
                table: "InspectionProgramme",
                column: "TargetMeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionProgramme_Year",
                table: "InspectionProgramme",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionRound_ProgrammeId",
                table: "InspectionRound",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTarget_GroupId",
                table: "InspectionTarget",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTarget_ProgrammeId_GroupId",
                table: "InspectionTarget",
                columns: new[] { "ProgrammeId", "GroupId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTeamMember_RoundId",
                table: "InspectionTeamMember",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTeamMember_UserId",
                table: "InspectionTeamMember",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionTemplate_Kind",
                table: "InspectionTemplate",
                column: "Kind",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InspectionDocument");

            migrationBuilder.DropTable(
                name: "InspectionFinding");

            migrationBuilder.DropTable(
                name: "InspectionObservation");

            migrationBuilder.DropTable(
                name: "InspectionTarget");

            migrationBuilder.DropTable(
                name: "InspectionTeamMember");

            migrationBuilder.DropTable(
                name: "InspectionTemplate");

            migrationBuilder.DropTable(
                name: "Inspection");

            migrationBuilder.DropTable(
                name: "InspectionDraws");

            migrationBuilder.DropTable(
                name: "InspectionRound");

            migrationBuilder.DropTable(
                name: "InspectionProgramme");
        }
    }
}
