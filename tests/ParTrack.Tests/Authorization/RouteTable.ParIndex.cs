using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Features;
using ParTrack.Data;
using ParTrack.Features.ParIndex;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Authorization;

public static partial class RouteTable
{
    sealed record ParData(int RoundId, int SnvAssessmentId, int SetId, int EvidenceId);

    static readonly ConditionalWeakTable<TestApp, ParData> parData = new();

    /// <summary>A departments round in self-assessment with one evidence file for Sở Nội vụ (once per app).</summary>
    static async Task<ParData> Par(TestApp app)
    {
        if (parData.TryGetValue(app, out var cached)) return cached;
        var roundId = await NewParRound(app, RoundStage.SelfAssessment);
        var data = await app.Db(async db =>
        {
            var a = await db.Set<ParAssessment>().Include(x => x.Agency).SingleAsync(x => x.RoundId == roundId && x.Agency!.Name == "Sở Nội vụ");
            var store = app.Services.GetRequiredService<FileStore>();
            var sha = new string('a', 64);
            await File.WriteAllBytesAsync(Path.Combine(store.Folder, sha), "%PDF-1.4 route table"u8.ToArray());
            var e = new ParEvidence { AssessmentId = a.Id, Code = "1.1.1", FileName = "kh.pdf", ContentType = "application/pdf", Sha256 = sha, Size = 20, UploadedAtUtc = DateTime.UtcNow };
            db.Add(e);
            await db.SaveChangesAsync();
            return new ParData(roundId, a.Id, a.SetId, e.Id);
        });
        parData.AddOrUpdate(app, data);
        return data;
    }

    static async Task<int> NewParRound(TestApp app, RoundStage stage)
    {
        using var scope = app.Services.CreateScope();
        var rounds = scope.ServiceProvider.GetRequiredService<ParRounds>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var created = await rounds.CreateAsync(new RoundInput(2030, "Đợt kiểm tra quyền", today.AddDays(5), today.AddDays(6), today.AddDays(9),
            today.AddDays(10), today.AddDays(12), today.AddDays(15), true, [ParUnitGroup.Department]));
        if (created.Value is not { } round) throw new InvalidOperationException(string.Join(" ", created.Messages));
        round.Stage = stage;
        await db.SaveChangesAsync();
        return round.Id;
    }

    /// <summary>Routes of Features/ParIndex: officers only ever reach their own unit's assessment.</summary>
    static IEnumerable<RouteCase> ParIndex() =>
    [
        RouteCase.Get("par: index", "/ParIndex", Who.Staff),
        RouteCase.Get("par: criteria set", async app => $"/ParIndex/Sets/{(await Par(app)).SetId}", Who.StaffExceptOfficersBut()),
        RouteCase.Get("par: criteria set json", async app => $"/ParIndex/Sets/{(await Par(app)).SetId}?handler=Json", Who.StaffExceptOfficersBut()),
        RouteCase.Get("par: criteria set xlsx", async app => $"/ParIndex/Sets/{(await Par(app)).SetId}?handler=Xlsx", Who.StaffExceptOfficersBut()),
        new RouteCase("par: save criteria set", "POST", async app => $"/ParIndex/Sets/{(await Par(app)).SetId}", Who.Coordinators),
        new RouteCase("par: copy criteria set", "POST", _ => Task.FromResult("/ParIndex?handler=Copy"), Who.Coordinators)
        {
            Form = _ => Task.FromResult(new Dictionary<string, string?> { ["Year"] = "2099", ["Group"] = "Commune", ["FromSetId"] = "0" }),
        },
        new RouteCase("par: import criteria set", "POST", _ => Task.FromResult("/ParIndex?handler=Import"), Who.Coordinators),
        RouteCase.Get("par: unit groups", "/ParIndex/Groups", Who.Coordinators),
        new RouteCase("par: add unit group", "POST", _ => Task.FromResult("/ParIndex/Groups"), Who.Coordinators),
        new RouteCase("par: delete unit group", "POST", _ => Task.FromResult("/ParIndex/Groups?handler=Delete&id=999999"), Who.Coordinators),
        RouteCase.Get("par: create round page", "/ParIndex/Rounds/Create", Who.Coordinators),
        RouteCase.Get("par: round page", async app => $"/ParIndex/Rounds/{(await Par(app)).RoundId}", Who.StaffExceptOfficersBut("snv", "stp")),
        new RouteCase("par: edit schedule", "POST", async app => $"/ParIndex/Rounds/{await NewParRound(app, RoundStage.Draft)}?handler=Schedule", Who.Coordinators),
        new RouteCase("par: add unit", "POST", async app => $"/ParIndex/Rounds/{await NewParRound(app, RoundStage.Draft)}?handler=AddUnit", Who.Coordinators),
        new RouteCase("par: open next step", "POST", async app => $"/ParIndex/Rounds/{await NewParRound(app, RoundStage.Draft)}?handler=Move&forward=true", Who.Coordinators),
        RouteCase.Get("par: results before publication", async app => $"/ParIndex/Rounds/{(await Par(app)).RoundId}/Results", Who.StaffExceptOfficersBut()),
        RouteCase.Get("par: results xlsx", async app => $"/ParIndex/Rounds/{(await Par(app)).RoundId}/Results?handler=Xlsx", Who.StaffExceptOfficersBut()),
        RouteCase.Get("par: results docx", async app => $"/ParIndex/Rounds/{(await Par(app)).RoundId}/Results?handler=Docx", Who.StaffExceptOfficersBut()),
        RouteCase.Get("par: published results", async app => $"/ParIndex/Rounds/{await NewParRound(app, RoundStage.Published)}/Results", Who.StaffExceptOfficersBut("snv", "stp")),
        RouteCase.Get("par: survey", async app => $"/ParIndex/Rounds/{(await Par(app)).RoundId}/Survey", Who.Coordinators),
        RouteCase.Get("par: survey template", async app => $"/ParIndex/Rounds/{(await Par(app)).RoundId}/Survey?handler=Template", Who.Coordinators),
        new RouteCase("par: save survey", "POST", async app => $"/ParIndex/Rounds/{(await Par(app)).RoundId}/Survey", Who.Coordinators),
        RouteCase.Get("par: activity links", "/ParIndex/Links?year=2030", Who.Coordinators),
        RouteCase.Get("par: assessment (snv)", async app => $"/ParIndex/Assessments/{(await Par(app)).SnvAssessmentId}", Who.StaffExceptOfficersBut("snv")),
        new RouteCase("par: save self-assessment (snv)", "POST", async app => $"/ParIndex/Assessments/{(await Par(app)).SnvAssessmentId}?handler=Save", Who.CoordinatorsAnd("snv")),
        new RouteCase("par: submit self-assessment (snv)", "POST", async app => $"/ParIndex/Assessments/{(await Par(app)).SnvAssessmentId}?handler=Withdraw", Who.CoordinatorsAnd("snv")),
        new RouteCase("par: exclusions (snv)", "POST", async app => $"/ParIndex/Assessments/{(await Par(app)).SnvAssessmentId}?handler=Exclusions", Who.Coordinators),
        new RouteCase("par: clarify (snv)", "POST", async app => $"/ParIndex/Assessments/{(await Par(app)).SnvAssessmentId}?handler=Clarify", Who.CoordinatorsAnd("snv")),
        RouteCase.Get("par: evidence file (snv)", async app => $"/ParIndex/Evidence/{(await Par(app)).EvidenceId}", Who.StaffExceptOfficersBut("snv")),
        RouteCase.Get("par: appraisal page (snv)", async app => $"/ParIndex/Assessments/{(await Par(app)).SnvAssessmentId}/Appraise", [.. Who.Coordinators, "appraiser"]),
        new RouteCase("par: save appraisal (snv)", "POST", async app => $"/ParIndex/Assessments/{(await Par(app)).SnvAssessmentId}/Appraise", [.. Who.Coordinators, "appraiser"]),
    ];
}
