using Microsoft.EntityFrameworkCore;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Domain.Satisfaction;
using ParTrack.Features.Satisfaction;

namespace ParTrack.Features.Demo;

public static partial class DemoData
{
    /// <summary>
    /// The satisfaction part of the demo: last year's campaign published (departments and a few communes, answers
    /// generated from a fixed seed so the ranking spreads out) and this year's campaign open now, with its desk
    /// posters ready to print and some answers in.
    /// </summary>
    public static async Task SeedSatisfactionAsync(AppDbContext db, IServiceProvider services, CancellationToken ct)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var today = VietnamTime.Today(clock);
        var campaigns = new SurveyCampaigns(db);
        var random = new Random(2024);
        var day = new DateOnly(today.Year - 1, 12, 31);
        var agencies = (await db.Agencies.AsNoTracking().ToListAsync(ct)).Where(a => a.IsCurrent(day) || a.IsCurrent(today))
            .Where(a => a.Kind is AgencyKind.Department or AgencyKind.CommuneCommittee).OrderBy(a => a.Kind).ThenBy(a => a.Name).Take(14).Select(a => a.Id).ToList();

        var last = await CreateCampaignAsync(campaigns, today.Year - 1, new DateOnly(today.Year - 1, 9, 1), new DateOnly(today.Year - 1, 10, 31), agencies, ct);
        await AnswerAsync(db, last, random, 25, 70, new DateOnly(today.Year - 1, 9, 15), ct);
        last.State = CampaignState.Published;
        await new SurveyResults(db).FreezeAsync(last, ct);
        await db.SaveChangesAsync(ct);

        var current = await CreateCampaignAsync(campaigns, today.Year, today.AddDays(-14), today.AddDays(45), agencies, ct);
        current.State = CampaignState.Open;
        await AnswerAsync(db, current, random, 5, 40, today.AddDays(-3), ct);
        await db.SaveChangesAsync(ct);
        await SeedRatingsAsync(db, agencies, today, ct);
    }

    static async Task<SurveyCampaign> CreateCampaignAsync(SurveyCampaigns campaigns, int year, DateOnly opens, DateOnly closes, IReadOnlyList<int> agencies, CancellationToken ct)
    {
        var created = await campaigns.CreateAsync(new CampaignInput(year, $"Khảo sát sự hài lòng của người dân, tổ chức năm {year}",
            opens, closes, agencies, [ResponseMode.Online, ResponseMode.Paper], MinResponses: 20, FixedQuota: 60), ct);
        var campaign = created.Value ?? throw new InvalidOperationException(string.Join(" ", created.Messages));
        foreach (var u in campaign.Units) { u.Population = 400; u.Quota = 60; }
        return campaign;
    }

    static async Task AnswerAsync(AppDbContext db, SurveyCampaign campaign, Random random, int min, int max, DateOnly on, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);   // the units' ids
        var questionnaire = SurveyCampaigns.QuestionnaireOf(campaign);
        foreach (var unit in campaign.Units)
        {
            // Each unit has its own tendency, so the index differs from unit to unit.
            var good = 0.55 + random.NextDouble() * 0.4;
            for (int n = random.Next(min, max); n > 0; n--)
            {
                var levels = questionnaire.Questions.Where(q => q.Kind != QuestionKind.Expectation)
                    .ToDictionary(q => q.Key, _ => random.NextDouble() < good ? random.Next(4, 6) : random.Next(1, 4));
                var choices = questionnaire.Questions.Where(q => q.Kind == QuestionKind.Expectation).ToDictionary(q => q.Key,
                    q => (IReadOnlyList<string>)(q.Options ?? []).OrderBy(_ => random.Next()).Take(random.Next(1, q.MaxChoices + 1)).ToList());
                db.Add(new SurveyResponse
                {
                    CampaignId = campaign.Id, UnitId = unit.Id, Mode = n % 4 == 0 ? ResponseMode.Paper : ResponseMode.Online, SubmittedOn = on,
                    AgeGroup = SurveyForm.AgeGroups[random.Next(SurveyForm.AgeGroups.Count)],
                    AnswersJson = SurveyForm.AnswersJson(questionnaire, new FormAnswers(levels, choices)),
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
