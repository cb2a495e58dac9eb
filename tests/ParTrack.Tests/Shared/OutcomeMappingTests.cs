using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ParTrack.Data;

namespace ParTrack.Tests.Shared;

/// <summary>The two mappings of a failed Outcome: problem details for the API, form messages for pages.</summary>
public sealed class OutcomeMappingTests
{
    sealed class Row : IVersioned { public Guid Version { get; set; } }

    static (int Status, ProblemDetails Problem) Answer(IResult result)
    {
        var status = ((IStatusCodeHttpResult)result).StatusCode!.Value;
        var problem = result switch
        {
            ProblemHttpResult p => p.ProblemDetails,
            ValidationProblem v => v.ProblemDetails,
            _ => throw new InvalidOperationException(result.GetType().Name),
        };
        return (status, problem);
    }

    [Fact]
    public void ToProblem_NotFound_Is404WithItsMessage()
    {
        var (status, problem) = Answer(Outcome<int>.NotFound("Không tìm thấy nhóm đơn vị này.").ToProblem());
        status.Should().Be(404);
        problem.Title.Should().Be("Không tìm thấy nhóm đơn vị này.");
    }

    [Fact]
    public void ToProblem_Forbidden_Is403()
    {
        var (status, problem) = Answer(Outcome<int>.Forbidden().ToProblem());
        status.Should().Be(403);
        problem.Title.Should().Be(Outcome<int>.ForbiddenMessage);
    }

    [Fact]
    public void ToProblem_InvalidFields_Is400WithCamelCaseJsonPaths()
    {
        var outcome = Outcome<int>.Invalid([("Name", "Vui lòng nhập tên."), ("MemberKinds", "Chọn ít nhất một loại.")]);
        var (status, problem) = Answer(outcome.ToProblem());
        status.Should().Be(400);
        var errors = ((HttpValidationProblemDetails)problem).Errors;
        errors["name"].Should().Equal("Vui lòng nhập tên.");
        errors["memberKinds"].Should().Equal("Chọn ít nhất một loại.");
    }

    [Fact]
    public void ToProblem_VersionConflict_Is409NamingTheStoredVersion()
    {
        var stored = Guid.NewGuid();
        var (status, problem) = Answer(Outcome<int>.VersionConflict(stored).ToProblem());
        status.Should().Be(409);
        problem.Extensions["currentVersion"].Should().Be(stored);
    }

    [Fact]
    public void ToProblem_ConflictCarryingAVersionedEntity_NamesItsVersion()
    {
        var row = new Row { Version = Guid.NewGuid() };
        var (_, problem) = Answer(Outcome<Row>.Conflict(row, "Đã có người sửa.").ToProblem());
        problem.Extensions["currentVersion"].Should().Be(row.Version);
        problem.Title.Should().Be("Đã có người sửa.");
    }

    [Fact]
    public void ToProblem_ConflictWithOtherValue_AsksTheCallerForTheVersion()
    {
        var version = Guid.NewGuid();
        var (_, problem) = Answer(Outcome<string>.Conflict("bản đã lưu", "Đã có người sửa.").ToProblem(_ => version));
        problem.Extensions["currentVersion"].Should().Be(version);
    }

    [Fact]
    public void ToProblem_Locked_Is423WithTheReason()
    {
        var (status, problem) = Answer(Outcome<int>.Locked("Đợt đánh giá đã công bố.").ToProblem());
        status.Should().Be(423);
        problem.Title.Should().Be("Đợt đánh giá đã công bố.");
    }

    [Fact]
    public void ToProblem_Ok_IsABug()
    {
        var act = () => Outcome<int>.Ok(1).ToProblem();
        act.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void AddOutcome_FieldErrors_GoBesideTheirFieldsUnderThePrefix()
    {
        var state = new ModelStateDictionary();
        state.AddOutcome(Outcome<int>.Invalid([("Name", "Vui lòng nhập tên."), ("Aliases", "Tên gọi khác quá dài.")]), "Input.");
        state["Input.Name"]!.Errors.Single().ErrorMessage.Should().Be("Vui lòng nhập tên.");
        state["Input.Aliases"]!.Errors.Single().ErrorMessage.Should().Be("Tên gọi khác quá dài.");
        state.ContainsKey("").Should().BeFalse();
    }

    [Fact]
    public void AddOutcome_KeyOfAndTranslate_RenameFieldsAndTranslateMessages()
    {
        var state = new ModelStateDictionary();
        state.AddOutcome(Outcome<int>.Invalid("Aliases", "Tên gọi khác quá dài."),
            translate: m => "EN: " + m, keyOf: f => f == "Aliases" ? "AliasesText" : f);
        state["AliasesText"]!.Errors.Single().ErrorMessage.Should().Be("EN: Tên gọi khác quá dài.");
    }

    [Theory]
    [InlineData(OutcomeKind.NotFound)]
    [InlineData(OutcomeKind.Conflict)]
    [InlineData(OutcomeKind.Locked)]
    public void AddOutcome_FailureWithoutFields_IsOneFormWideMessage(OutcomeKind kind)
    {
        var outcome = kind switch
        {
            OutcomeKind.NotFound => Outcome<int>.NotFound(),
            OutcomeKind.Conflict => Outcome<int>.VersionConflict(Guid.NewGuid()),
            _ => Outcome<int>.Locked("Đã nộp; không sửa được nữa."),
        };
        var state = new ModelStateDictionary();
        state.AddOutcome(outcome);
        state[""]!.Errors.Should().ContainSingle().Which.ErrorMessage.Should().NotBeNullOrWhiteSpace();
        state.IsValid.Should().BeFalse();
    }

    [Fact]
    public void AddOutcome_Ok_AddsNothing()
    {
        var state = new ModelStateDictionary();
        state.AddOutcome(Outcome<int>.Ok(3));
        state.IsValid.Should().BeTrue();
        state.Count.Should().Be(0);
    }

    [Fact]
    public void As_CarriesTheFailureToAnotherResultType()
    {
        var stored = Guid.NewGuid();
        var moved = Outcome<int>.VersionConflict(stored, "Đã có người sửa.").As<string>();
        moved.Kind.Should().Be(OutcomeKind.Conflict);
        moved.CurrentVersion.Should().Be(stored);
        moved.Message.Should().Be("Đã có người sửa.");
    }
}
