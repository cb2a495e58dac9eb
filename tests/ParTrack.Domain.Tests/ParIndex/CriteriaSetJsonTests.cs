using FluentAssertions;
using ParTrack.Domain.ParIndex;

namespace ParTrack.Domain.Tests.ParIndex;

public class CriteriaSetJsonTests
{
    [Fact]
    public void DefaultSet_RoundTrips()
    {
        var set = DefaultCriteriaSet.Build(2025);

        var json = CriteriaSetJson.Serialize(set);
        var (back, errors) = CriteriaSetJson.Deserialize(json);

        errors.Should().BeEmpty();
        back.Should().BeEquivalentTo(set, o => o.RespectingRuntimeTypes());
        CriteriaSetJson.Serialize(back!).Should().Be(json);
    }

    [Fact]
    public void Json_IsCamelCase_TaggedByMethod_AndReadableVietnamese()
    {
        var json = CriteriaSetJson.Serialize(SmallSet.Set);

        json.Should().Contain("\"maxPoints\": 2").And.Contain("\"subCriteria\"");
        json.Should().Contain("\"type\": \"levels\"").And.Contain("\"type\": \"ratio\"").And.Contain("\"type\": \"survey\"");
        json.Should().Contain("\"minRatio\": 0.9").And.Contain("\"shareOfMax\": 0.5");
        DefaultSetJson().Should().Contain("Cải cách thể chế");
        json.Should().NotContain("isSurvey");
    }

    [Fact]
    public void RatioAndLevels_SurviveTheTrip()
    {
        // SmallSet with the survey item raised to 90 so the set totals 100 and passes validation.
        var area3 = SmallSet.Set.Areas[2];
        var hundred = SmallSet.Set with
        {
            Areas = [.. SmallSet.Set.Areas.Take(2), area3 with { Criteria = [new ParCriterion("3.1", "C1",
                [new ParSubCriterion("3.1.1", "C1a", 90, new SurveyScoring())])] }],
        };

        var (back, errors) = CriteriaSetJson.Deserialize(CriteriaSetJson.Serialize(hundred));

        errors.Should().BeEmpty();
        var items = back!.Flatten();

        items[1].Sub.Scoring.Should().BeOfType<LevelsScoring>().Which.Levels.Should().Equal(0m, 0.5m, 1m);
        items[2].Sub.Scoring.Should().BeOfType<RatioScoring>().Which.Thresholds.Should().Equal(
            new RatioThreshold(1, 1), new RatioThreshold(0.9m, 0.5m));
        items[4].Sub.IsSurvey.Should().BeTrue();
        items[4].Sub.MaxPoints.Should().Be(90);
    }

    [Fact]
    public void NotJson_GivesAVietnameseError()
    {
        var (set, errors) = CriteriaSetJson.Deserialize("{ this is not json");

        set.Should().BeNull();
        errors.Should().ContainSingle().Which.Message.Should().StartWith("Tệp JSON của bộ tiêu chí không đọc được");
    }

    [Fact]
    public void MissingAreas_IsRefused()
    {
        var (set, errors) = CriteriaSetJson.Deserialize("""{ "year": 2025, "group": "Sở", "title": "x" }""");

        set.Should().BeNull();
        errors.Should().NotBeEmpty();
    }

    [Fact]
    public void UnknownScoringType_IsRefused()
    {
        var json = CriteriaSetJson.Serialize(SmallSet.Set).Replace("\"type\": \"survey\"", "\"type\": \"lottery\"");

        CriteriaSetJson.Deserialize(json).Set.Should().BeNull();
    }

    [Fact]
    public void WrongTotal_IsRefusedWithTheValidationMessage()
    {
        // SmallSet is worth 20 points, not 100.
        var (set, errors) = CriteriaSetJson.Deserialize(CriteriaSetJson.Serialize(SmallSet.Set));

        set.Should().BeNull();
        errors.Should().ContainSingle().Which.Message.Should().Contain("là 20, phải bằng 100");
    }

    [Fact]
    public void HandWrittenFile_WithTypeLastAndComments_Loads()
    {
        const string json = """
            // Bộ tiêu chí thử
            {
              "year": 2025, "group": "Sở", "title": "Thử",
              "areas": [ { "code": "1", "title": "A", "criteria": [ { "code": "1.1", "title": "C", "subCriteria": [
                { "code": "1.1.1", "title": "x", "maxPoints": 100, "scoring": { "levels": [0, 50, 100], "type": "levels" } },
              ] } ] } ]
            }
            """;

        var (set, errors) = CriteriaSetJson.Deserialize(json);

        errors.Should().BeEmpty();
        set!.Flatten().Single().Sub.Scoring.Should().BeOfType<LevelsScoring>().Which.Levels.Should().Equal(0m, 50m, 100m);
        set.Version.Should().Be(1);
    }

    private static string DefaultSetJson() => CriteriaSetJson.Serialize(DefaultCriteriaSet.Build(2025));
}
