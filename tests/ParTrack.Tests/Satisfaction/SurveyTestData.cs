using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Data;
using ParTrack.Domain;
using ParTrack.Features.Satisfaction;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Satisfaction;

/// <summary>An open campaign for two departments (Sở Nội vụ, Sở Tư pháp) with the SIPAS-shaped questionnaire.</summary>
public sealed record SurveyData(int CampaignId, string CampaignCode, int NoiVuUnitId, string NoiVuDesk, int TuPhapUnitId, string TuPhapDesk);

public static class SurveyTestData
{
    public static async Task<SurveyData> OpenCampaignAsync(TestApp app, CampaignState state = CampaignState.Open, int minResponses = 1, bool doubleEntry = false, int? year = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var campaigns = scope.ServiceProvider.GetRequiredService<SurveyCampaigns>();
        var today = VietnamTime.Today(TimeProvider.System);
        var ids = await db.Agencies.Where(a => a.Name == "Sở Nội vụ" || a.Name == "Sở Tư pháp").OrderBy(a => a.Name).Select(a => a.Id).ToListAsync();
        var created = await campaigns.CreateAsync(new CampaignInput(year ?? 2030, TestData.Unique("Khảo sát thử"), today.AddDays(-1), today.AddDays(10), ids,
            [ResponseMode.Online, ResponseMode.Paper], MinResponses: minResponses, DoubleEntry: doubleEntry));
        var campaign = created.Value ?? throw new InvalidOperationException(string.Join(" ", created.Messages));
        campaign.State = state;
        // The SIPAS template, whatever an earlier test saved: a new campaign copies the latest one's questionnaire.
        campaign.QuestionnaireJson = ParTrack.Domain.Satisfaction.Questionnaire.Sipas().ToJson();
        campaign.WeightsJson = "{}";
        await db.SaveChangesAsync();
        var units = await db.Set<SurveyUnit>().Include(u => u.Agency).Where(u => u.CampaignId == campaign.Id).ToListAsync();
        var noiVu = units.Single(u => u.Agency!.Name == "Sở Nội vụ");
        var tuPhap = units.Single(u => u.Agency!.Name == "Sở Tư pháp");
        return new SurveyData(campaign.Id, campaign.Code, noiVu.Id, noiVu.DeskCode, tuPhap.Id, tuPhap.DeskCode);
    }

    /// <summary>Every scale question at one level, the expectation's first option, and a dossier code.</summary>
    public static Dictionary<string, string?> Answers(int level, string? dossier = null, int? unit = null)
    {
        var form = new Dictionary<string, string?>();
        foreach (var q in ParTrack.Domain.Satisfaction.Questionnaire.Sipas().Questions)
            form["q_" + q.Key] = q.Kind == ParTrack.Domain.Satisfaction.QuestionKind.Expectation ? q.Options![0] : level.ToString();
        if (dossier is not null) form["dossier"] = dossier;
        if (unit is not null) form["unit"] = unit.ToString();
        return form;
    }
}
