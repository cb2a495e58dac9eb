using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Features.Agencies;
using ParTrack.Features.ParIndex;
using ParTrack.Features.Plans;
using ParTrack.Features.Reporting;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Agencies;

/// <summary>
/// Merge, split and rename through the registry page and API: open work, accounts and PAR units of open
/// rounds move to the successor; history (reports, done work, published rounds) stays under the old body;
/// each step is in the audit log.
/// </summary>
public sealed class ReorganisationTests(AppFixture fx) : IClassFixture<AppFixture>
{
    static readonly DateOnly On = new(2025, 3, 1);

    sealed record Setup(Agency A, Agency B, int OpenLead, int OpenSupport, int DoneLead, int UserId, int RoundId, int AssessmentA, int AssessmentB, int ReportId);

    /// <summary>Two departments with open and done work in an issued plan, an officer of A, both in an open PAR round, and a Q1 report of A.</summary>
    static async Task<Setup> SeedAsync(TestApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var a = TestData.Agency(TestData.Unique("Sở Kế hoạch"));
        var b = TestData.Agency(TestData.Unique("Sở Giao thông"));
        var plan = new Plan { Title = TestData.Unique("Kế hoạch"), Status = PlanStatus.Issued, FromYear = 2025, ToYear = 2025 };
        Activity Work(string code, ActivityStatus status, params (Agency Who, AssignmentRole Role)[] bodies) => new()
        {
            Code = code, Text = $"Hoạt động {code}", Status = status,
            Assignments = bodies.Select(x => new Assignment { Role = x.Role, Name = x.Who.Name, Agency = x.Who }).ToList(),
        };
        var openLead = Work("1", ActivityStatus.InProgress, (a, AssignmentRole.Lead));
        var openSupport = Work("2", ActivityStatus.NotStarted, (b, AssignmentRole.Support));
        var doneLead = Work("3", ActivityStatus.Done, (a, AssignmentRole.Lead));
        plan.Activities.AddRange([openLead, openSupport, doneLead]);
        var user = new User { UserName = TestData.Unique("cb").Replace(" ", ""), DisplayName = "Cán bộ", Role = Role.AgencyOfficer, Agency = a };
        user.PasswordHash = new PasswordHasher<User>().HashPassword(user, "Mat-khau-1");
        db.AddRange(a, b, plan, user);
        await db.SaveChangesAsync();

        var set = await new CriteriaSets(db, TimeProvider.System).EnsureAsync(2025, ParUnitGroup.Department);
        var round = new ParRound { Year = 2025, Title = TestData.Unique("Đợt"), Stage = RoundStage.SelfAssessment };
        var unitA = new ParAssessment { AgencyId = a.Id, Group = ParUnitGroup.Department, SetId = set.Id };
        var unitB = new ParAssessment { AgencyId = b.Id, Group = ParUnitGroup.Department, SetId = set.Id };
        round.Assessments.AddRange([unitA, unitB]);
        var period = new ReportPeriod
        {
            PlanId = plan.Id, Year = 2025, Kind = Domain.Reporting.ReportingPeriodKind.Q1, Title = "Quý I/2025",
            DataFrom = new(2024, 12, 15), DataTo = new(2025, 3, 14), Deadline = new(2025, 3, 18)
        };
        db.AddRange(round, period);
        await db.SaveChangesAsync();
        var report = new AgencyReport { PeriodId = period.Id, AgencyId = a.Id, State = ReportState.Accepted };
        db.Add(report);
        await db.SaveChangesAsync();
        return new(a, b, openLead.Id, openSupport.Id, doneLead.Id, user.Id, round.Id, unitA.Id, unitB.Id, report.Id);
    }

    static Dictionary<string, string?> MergeForm(Setup s, string newName) => new()
    {
        ["Input.Kind"] = "Merge", ["Input.FromIds"] = null, ["Input.NewName"] = newName, ["Input.EffectiveOn"] = "2025-03-01",
        ["Input.DeactivateAccounts"] = "false", ["Input.Note"] = "Nghị định 45/2025/NĐ-CP",
    };

    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string?> fields, params int[] fromIds)
    {
        var token = await client.TokenAsync("/Agencies/Reorganise");
        var values = fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)).ToList();
        values.AddRange(fromIds.Select(id => new KeyValuePair<string, string>("Input.FromIds", id.ToString())));
        values.Add(new("__RequestVerificationToken", token!));
        return await client.PostAsync($"/Agencies/Reorganise?handler={handler}", new FormUrlEncodedContent(values));
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Merge_IntoANewBody_MovesOpenWorkAccountsAndParUnits_KeepsHistory_AndAuditsEachStep(string provider)
    {
        var app = fx.App(provider);
        var s = await SeedAsync(app);
        var client = await app.As("coordinator");
        var newName = TestData.Unique("Sở Tài chính mới");

        var preview = await (await PostAsync(client, "Preview", MergeForm(s, newName), s.A.Id, s.B.Id)).ParseAsync();
        preview.QuerySelector("#preview [role=status]")!.TextContent.Should()
            .Be($"2 hoạt động, 1 tài khoản, 1 đơn vị chấm điểm sẽ chuyển sang {newName} từ ngày 01/03/2025.");
        (await app.Db(db => db.Agencies.AnyAsync(x => x.Name == newName))).Should().BeFalse("a preview changes nothing");

        var applied = await PostAsync(client, "Apply", MergeForm(s, newName), s.A.Id, s.B.Id);
        applied.StatusCode.Should().Be(HttpStatusCode.Redirect);

        await app.Db(async db =>
        {
            var c = await db.Agencies.SingleAsync(x => x.Name == newName);
            c.ValidFrom.Should().Be(On);
            var old = await db.Agencies.Where(x => x.Id == s.A.Id || x.Id == s.B.Id).ToListAsync();
            old.Should().OnlyContain(x => x.ValidTo == new DateOnly(2025, 2, 28) && x.SuccessorId == c.Id);

            var user = await db.Users.SingleAsync(u => u.Id == s.UserId);
            user.AgencyId.Should().Be(c.Id);
            (await db.Set<AccountMove>().SingleAsync(m => m.UserId == s.UserId)).Should()
                .Match<AccountMove>(m => m.FromAgencyId == s.A.Id && m.ToAgencyId == c.Id && m.SeenAtUtc == null);

            var units = await db.Set<ParAssessment>().Where(x => x.RoundId == s.RoundId).ToListAsync();
            units.Should().ContainSingle().Which.Should().Match<ParAssessment>(u => u.Id == s.AssessmentA && u.AgencyId == c.Id,
                "A's unit moves; B's empty unit is dropped because the successor already has one");

            (await db.Set<AgencyReport>().SingleAsync(r => r.Id == s.ReportId)).AgencyId.Should().Be(s.A.Id, "history stays under the old name");
            (await db.Assignments.Where(x => x.AgencyId == s.A.Id || x.AgencyId == s.B.Id).CountAsync()).Should().Be(3, "assignments keep the body the plan named");

            // Open work reads under the successor from the merger on; A still owes its Q1.
            var match = (await AgencyMatch.LoadAsync(db, c.Id, new DateOnly(2025, 4, 1)))!;
            var assignments = await db.Assignments.AsNoTracking().Where(x => x.AgencyId == s.A.Id || x.AgencyId == s.B.Id).ToListAsync();
            assignments.Should().OnlyContain(x => match.Covers(x));
            var q1Id = await db.Set<AgencyReport>().Where(r => r.Id == s.ReportId).Select(r => r.PeriodId).SingleAsync();
            var q1 = await db.Set<ReportPeriod>().SingleAsync(p => p.Id == q1Id);
            (await new Obligations(db).ForAgencyAsync(q1, s.A.Id))!.Leads.Should().BeEquivalentTo([s.OpenLead, s.DoneLead]);

            var audit = await db.AuditEntries.Where(e => e.AtUtc > DateTime.UtcNow.AddMinutes(-5)).ToListAsync();
            audit.Should().Contain(e => e.Entity == nameof(Agency) && e.EntityId == s.A.Id.ToString() && e.Action == "Merge" && e.UserName == "coordinator"
                && e.After!.Contains($"\"AssignmentId\":") && e.After.Contains("\"accounts\":["));
            audit.Should().Contain(e => e.Entity == nameof(Agency) && e.EntityId == s.B.Id.ToString() && e.Action == "Merge");
            audit.Should().Contain(e => e.Entity == nameof(Agency) && e.EntityId == s.A.Id.ToString() && e.Action == "Modified" && e.After!.Contains("ValidTo"));
            audit.Should().Contain(e => e.Entity == nameof(User) && e.EntityId == s.UserId.ToString() && e.Action == "Modified");
            audit.Should().Contain(e => e.Entity == nameof(ParAssessment) && e.EntityId == s.AssessmentA.ToString() && e.Action == "Modified");
            audit.Should().Contain(e => e.Entity == nameof(ParAssessment) && e.EntityId == s.AssessmentB.ToString() && e.Action == "Deleted");
            audit.Should().Contain(e => e.Entity == nameof(AgencyChange) && e.Action == "Added");
        });

        var history = await client.GetPageAsync("/Agencies/Reorganise");
        history.Body!.TextContent.Should().Contain($"{s.A.Name}, {s.B.Name} → {newName}");
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Split_GivesTheChosenOpenWorkToTheSecondSuccessor_AndTheRestToTheFirst(string provider)
    {
        var app = fx.App(provider);
        var s = await SeedAsync(app);
        var first = await app.AddAgencyAsync(TestData.Agency(TestData.Unique("Sở Nội vụ mới")));
        var second = await app.AddAgencyAsync(TestData.Agency(TestData.Unique("Sở Y tế mới")));
        var extra = await app.Db(async db =>
        {
            var act = new Activity
            {
                PlanId = (await db.Activities.SingleAsync(x => x.Id == s.OpenLead)).PlanId, Code = "4", Text = "Bảo trợ xã hội",
                Assignments = [new Assignment { Role = AssignmentRole.Lead, Name = s.A.Name, AgencyId = s.A.Id }]
            };
            db.Add(act);
            await db.SaveChangesAsync();
            return act.Assignments[0].Id;
        });

        var client = await app.As("coordinator");
        var response = await client.PostAsJsonAsync("/api/agencies/reorganisations", new
        {
            kind = "Split", fromIds = new[] { s.A.Id }, toIds = new[] { first.Id, second.Id }, effectiveOn = "2025-03-01",
            workTo = new Dictionary<string, int> { [extra.ToString()] = second.Id },
        });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());

        await app.Db(async db =>
        {
            var assignments = await db.Assignments.AsNoTracking().Where(x => x.AgencyId == s.A.Id).ToListAsync();
            assignments.Single(x => x.Id == extra).MovedToAgencyId.Should().Be(second.Id);
            assignments.Where(x => x.Id != extra).Should().OnlyContain(x => x.MovedToAgencyId == null);
            var april = new DateOnly(2025, 4, 1);
            var one = (await AgencyMatch.LoadAsync(db, first.Id, april))!;
            var two = (await AgencyMatch.LoadAsync(db, second.Id, april))!;
            var self = (await AgencyMatch.LoadAsync(db, s.A.Id, new DateOnly(2025, 1, 1)))!;
            assignments.Where(x => x.Id != extra).Should().OnlyContain(x => one.Covers(x) && !two.Covers(x));
            assignments.Where(x => x.Id == extra).Should().OnlyContain(x => two.Covers(x) && !one.Covers(x));
            assignments.Should().OnlyContain(x => self.Covers(x), "before the split the body answers for all its work");
            var extraActivity = await db.Assignments.Where(y => y.Id == extra).Select(y => y.ActivityId).SingleAsync();
            var planId = await db.Activities.Where(x => x.Id == extraActivity).Select(x => x.PlanId).SingleAsync();
            var planActivities = db.Activities.Where(x => x.PlanId == planId);
            (await one.Filter(planActivities).Select(x => x.Id).ToListAsync()).Should().BeEquivalentTo([s.OpenLead, s.DoneLead]);
            (await two.Filter(planActivities).Select(x => x.Id).ToListAsync()).Should().Equal(extraActivity);
            (await db.Users.SingleAsync(u => u.Id == s.UserId)).AgencyId.Should().Be(first.Id, "accounts go to the first successor");
        });
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SplitPage_OffersASuccessorPerOpenAssignment_AndKeepsTheChoiceOnConfirm(string provider)
    {
        var app = fx.App(provider);
        var s = await SeedAsync(app);
        var first = await app.AddAgencyAsync(TestData.Agency(TestData.Unique("Sở Xây dựng mới")));
        var second = await app.AddAgencyAsync(TestData.Agency(TestData.Unique("Sở Văn hóa mới")));
        var client = await app.As("coordinator");
        var form = new Dictionary<string, string?>
        {
            ["Input.Kind"] = "Split", ["Input.EffectiveOn"] = "2025-03-01", ["MainToId"] = first.Id.ToString(), ["OtherToIds"] = second.Id.ToString(),
        };

        var preview = await (await PostAsync(client, "Preview", form, s.A.Id)).ParseAsync();
        var openLead = await app.Db(db => db.Assignments.Where(x => x.ActivityId == s.OpenLead).Select(x => x.Id).SingleAsync());
        var choice = preview.QuerySelector($"select[name='Input.WorkTo[{openLead}]']")!;
        choice.QuerySelector("option[selected]")!.GetAttribute("value").Should().Be(first.Id.ToString(), "the first successor is the default");
        preview.QuerySelectorAll("select[name^='Input.WorkTo']").Should().HaveCount(1, "done work stays where it is");

        form[$"Input.WorkTo[{openLead}]"] = second.Id.ToString();
        (await PostAsync(client, "Apply", form, s.A.Id)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Db(db => db.Assignments.Where(x => x.Id == openLead).Select(x => x.MovedToAgencyId).SingleAsync())).Should().Be(second.Id);
        (await app.Db(db => db.Agencies.Where(x => x.Id == s.A.Id).Select(x => x.SuccessorId).SingleAsync())).Should().Be(first.Id);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task Rename_CreatesTheNewNameFromTheDay_AndTheOldRowKeepsItsHistory(string provider)
    {
        var app = fx.App(provider);
        var s = await SeedAsync(app);
        var newName = TestData.Unique("Sở Dân tộc và Tôn giáo");
        var client = await app.As("admin");

        var preview = await client.PostAsJsonAsync("/api/agencies/reorganisations/preview",
            new { kind = "Rename", fromIds = new[] { s.B.Id }, newName, effectiveOn = "2025-03-01", deactivateAccounts = true });
        preview.StatusCode.Should().Be(HttpStatusCode.OK);
        (await preview.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("summary").GetString().Should()
            .Be($"1 hoạt động, 0 tài khoản, 1 đơn vị chấm điểm sẽ chuyển sang {newName} từ ngày 01/03/2025.");

        (await client.PostAsJsonAsync("/api/agencies/reorganisations", new { kind = "Rename", fromIds = new[] { s.B.Id }, newName, effectiveOn = "2025-03-01" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        await app.Db(async db =>
        {
            var renamed = await db.Agencies.SingleAsync(x => x.Name == newName);
            (await db.Agencies.SingleAsync(x => x.Id == s.B.Id)).Should().Match<Agency>(x => x.Name == s.B.Name && x.SuccessorId == renamed.Id);
            (await db.Set<ParAssessment>().SingleAsync(x => x.Id == s.AssessmentB)).AgencyId.Should().Be(renamed.Id);
        });
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task BadInput_GetsVietnameseMessages_AndChangesNothing(string provider)
    {
        var app = fx.App(provider);
        var s = await SeedAsync(app);
        var client = await app.As("coordinator");

        var noDate = MergeForm(s, TestData.Unique("Sở X"));
        noDate["Input.EffectiveOn"] = "";
        var page = await (await PostAsync(client, "Apply", noDate, s.A.Id)).ParseAsync();
        page.Messages().Should().Contain("Hãy nhập ngày có hiệu lực");

        var both = MergeForm(s, TestData.Unique("Sở Y"));
        both["MainToId"] = s.B.Id.ToString();
        (await (await PostAsync(client, "Preview", both, s.A.Id)).ParseAsync()).Messages().Should().Contain("không cả hai");

        var api = await client.PostAsJsonAsync("/api/agencies/reorganisations", new { kind = "Split", fromIds = new[] { s.A.Id }, toIds = new[] { s.B.Id }, effectiveOn = "2025-03-01" });
        api.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await api.Content.ReadAsStringAsync()).Should().Contain("ít nhất hai cơ quan tiếp nhận");

        (await app.Db(db => db.Agencies.Where(x => x.Id == s.A.Id).Select(x => new { x.ValidTo, x.SuccessorId }).SingleAsync()))
            .Should().Be(new { ValidTo = (DateOnly?)null, SuccessorId = (int?)null });
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SuccessorsOfficer_FinishesTheMergedBodysQ1Report_AndOtherOfficersCannotSeeIt(string provider)
    {
        var app = fx.App(provider);
        var (_, q1) = await Reporting.ReportTestData.OpenQ1Async(app);
        var labour = await app.AgencyIdAsync("Sở Lao động - Thương binh và Xã hội");   // merged into Sở Nội vụ on 01/03/2025 (demo)
        var url = Reporting.ReportTestData.ReportUrl(q1, labour);

        var successor = await (await app.As("snv")).GetAsync(url);
        successor.StatusCode.Should().Be(HttpStatusCode.OK);
        (await successor.ParseAsync()).QuerySelector("form button[type=submit]").Should().NotBeNull("Sở Nội vụ's officer may fill it in");
        (await (await app.As("stp")).GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Databases.Providers), MemberType = typeof(Databases))]
    public async Task SignIn_OfAMovedAccount_SaysWhereItWentOnce_AndOfADeactivatedOneSaysWhy(string provider)
    {
        var app = fx.App(provider);

        var moved = app.Anonymous();
        var first = await moved.LoginAsync("skhdt", Features.Demo.DemoData.Password);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await first.ParseAsync()).QuerySelector("#login-notice")!.TextContent.Should()
            .StartWith("Tài khoản của Sở Kế hoạch và Đầu tư đã chuyển sang Sở Tài chính từ ngày 01/03/2025.");
        (await moved.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "the user is signed in");
        (await app.Anonymous().LoginAsync("skhdt", Features.Demo.DemoData.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect, "told once");

        var stopped = await (await app.Anonymous().LoginAsync("sldtbxh", Features.Demo.DemoData.Password)).ParseAsync();
        stopped.QuerySelector("#login-error")!.TextContent.Should().Be(
            "Tài khoản của Sở Lao động - Thương binh và Xã hội đã ngừng hoạt động vì Sở Lao động - Thương binh và Xã hội đã chia tách thành " +
            "Sở Nội vụ, Sở Y tế, Sở Giáo dục và Đào tạo từ ngày 01/03/2025. Vui lòng liên hệ quản trị viên để được cấp tài khoản của cơ quan mới.");
        var wrong = await (await app.Anonymous().LoginAsync("sldtbxh", "sai-mat-khau")).ParseAsync();
        wrong.QuerySelector("#login-error")!.TextContent.Should().Be(string.Format(Features.Accounts.LoginModel.Refused, Features.Accounts.SignInService.MaxFailures),
            "the reason is told only to whoever knows the password; anyone else gets the answer every failure gets");
    }
}
