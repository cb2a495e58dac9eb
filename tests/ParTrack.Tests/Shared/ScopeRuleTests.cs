using FluentAssertions;
using ParTrack.Data;
using ParTrack.Features.Plans;

namespace ParTrack.Tests.Shared;

/// <summary>
/// The one scope rule (Features/Shared/Scope) as a table: role × whose work (own agency, a body merged into it,
/// another agency, no agency). PlanAccess and ParAccess ask the same rule, so they are checked against it.
/// </summary>
public sealed class ScopeRuleTests
{
    const int Own = 10, Merged = 11, Other = 20;

    static Scope ScopeOf(Role? role) => new(role, role == Role.AgencyOfficer ? Own : null, id => id == Merged);

    public enum Whose { Own, Merged, Other, None }

    static int? AgencyOf(Whose w) => w switch { Whose.Own => Own, Whose.Merged => Merged, Whose.Other => Other, _ => null };

    // role, whose work, may see, may edit
    public static TheoryData<Role?, Whose, bool, bool> Table => new()
    {
        { Role.Administrator, Whose.Own, true, true }, { Role.Administrator, Whose.Other, true, true }, { Role.Administrator, Whose.None, true, true },
        { Role.Coordinator, Whose.Own, true, true }, { Role.Coordinator, Whose.Other, true, true }, { Role.Coordinator, Whose.None, true, true },
        { Role.AgencyOfficer, Whose.Own, true, true }, { Role.AgencyOfficer, Whose.Merged, true, true },
        { Role.AgencyOfficer, Whose.Other, false, false }, { Role.AgencyOfficer, Whose.None, false, false },
        { Role.Leader, Whose.Own, true, false }, { Role.Leader, Whose.Other, true, false }, { Role.Leader, Whose.None, true, false },
        { Role.Appraiser, Whose.Own, true, false }, { Role.Appraiser, Whose.Other, true, false }, { Role.Appraiser, Whose.None, true, false },
        { null, Whose.Own, false, false }, { null, Whose.Other, false, false }, { null, Whose.None, false, false },
    };

    [Theory, MemberData(nameof(Table))]
    public void Scope_RoleAndWhoseWork_DecideSeeingAndEditing(Role? role, Whose whose, bool canSee, bool canEdit)
    {
        var scope = ScopeOf(role);
        scope.CanSeeAgency(AgencyOf(whose)).Should().Be(canSee);
        scope.CanEditAgencyWork(AgencyOf(whose)).Should().Be(canEdit);
    }

    [Theory]
    [InlineData(Role.Administrator, true, true)]
    [InlineData(Role.Coordinator, true, true)]
    [InlineData(Role.AgencyOfficer, false, false)]
    [InlineData(Role.Leader, false, false)]
    [InlineData(Role.Appraiser, false, true)]
    public void Scope_Role_DecidesCoordinatingAndAppraising(Role role, bool coordinates, bool appraises)
    {
        ScopeOf(role).IsCoordinator.Should().Be(coordinates);
        ScopeOf(role).CanAppraise.Should().Be(appraises);
    }

    [Theory]
    [InlineData(Role.AgencyOfficer, true)]
    [InlineData(Role.Leader, true)]
    public void Scope_ProvinceWork_IsEveryonesToRead(Role role, bool canSee) =>
        ScopeOf(role).CanSeeOwnedBy(null).Should().Be(canSee);

    [Fact]
    public void Scope_NobodySignedIn_ReadsNotEvenProvinceWork() =>
        ScopeOf(null).CanSeeOwnedBy(null).Should().BeFalse();

    [Fact]
    public void Scope_OfficerWithoutAgency_OwnsNothing()
    {
        var scope = new Scope(Role.AgencyOfficer, null, _ => true);
        scope.CanSeeAgency(Merged).Should().BeFalse();
        scope.CanEditAgencyWork(Merged).Should().BeFalse();
    }

    /// <summary>Plans match the owner itself (a predecessor's own plan stays its own): the rule without merged bodies.</summary>
    [Theory, MemberData(nameof(Table))]
    public void PlanAccess_AsksTheScopeRule(Role? role, Whose whose, bool canSee, bool canEdit)
    {
        if (role is null || whose == Whose.Merged) return;
        _ = canSee; _ = canEdit;
        var viewer = new Viewer("u", role.Value, role == Role.AgencyOfficer ? Own : null);
        var owner = AgencyOf(whose);
        var rule = new Scope(role, viewer.AgencyId);
        PlanAccess.CanView(viewer, owner).Should().Be(rule.CanSeeOwnedBy(owner));
        PlanAccess.CanEdit(viewer, owner).Should().Be(rule.CanEditAgencyWork(owner));
        // The SQL form of CanView agrees with it.
        var plans = new[] { new Plan { Id = 1, OwnerAgencyId = owner } }.AsQueryable();
        PlanAccess.Visible(plans, viewer).Any().Should().Be(rule.CanSeeOwnedBy(owner));
    }
}
