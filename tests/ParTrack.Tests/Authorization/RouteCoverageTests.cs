using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using ParTrack.Tests.Infrastructure;

namespace ParTrack.Tests.Authorization;

/// <summary>
/// Every endpoint the app maps (Razor page handlers and minimal API routes, read from <see cref="EndpointDataSource"/>)
/// has a case in the authorisation matrix (<see cref="RouteTable.All"/>), so a new route cannot be forgotten.
/// </summary>
public sealed class RouteCoverageTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task EveryMappedEndpoint_HasACaseInTheAuthorisationMatrix()
    {
        var app = fx.App();
        var mapped = await MappedRoute.ListAsync(app.Services);
        mapped.Should().Contain(r => r.Method == "POST" && r.Handler == "Remove", "the page handlers are read too");
        mapped.Should().Contain(r => r.Pattern.RawText!.StartsWith("/api/agencies"), "the minimal API routes are read too");

        var covered = new HashSet<MappedRoute>();
        foreach (var c in RouteTable.All)
            covered.UnionWith(MappedRoute.BestMatches(mapped, c.Method, await c.Url(app), app.Services));

        var missing = mapped.Except(covered).Select(r => r.ToString()).Where(r => !RouteTable.NotInMatrix.ContainsKey(r)).Order().ToList();
        missing.Should().BeEmpty("every route needs a case in RouteTable (tests/ParTrack.Tests/Authorization, your feature's " +
            "RouteTable.<Feature>.cs): who may use it, as every demo user. Missing:\n" + string.Join("\n", missing) + "\n");
    }

    [Fact]
    public async Task ACaseWithAnotherHandler_DoesNotCoverAPageHandler()
    {
        var app = fx.App();
        var mapped = await MappedRoute.ListAsync(app.Services);
        var remove = mapped.Single(r => r.Pattern.RawText == "Agencies/LearnedNames" && r.Handler == "Remove");
        MappedRoute.BestMatches(mapped, "POST", "/Agencies/LearnedNames?handler=Other", app.Services).Should().NotContain(remove);
        MappedRoute.BestMatches(mapped, "GET", "/Agencies/LearnedNames?handler=Remove", app.Services).Should().NotContain(remove);
        MappedRoute.BestMatches(mapped, "POST", "/Agencies/LearnedNames?handler=remove&id=1", app.Services).Should().Contain(remove);
    }
}

/// <summary>One method (and page handler) of one mapped route pattern.</summary>
sealed record MappedRoute(string Method, RoutePattern Pattern, string? Handler)
{
    public override string ToString() => $"{Method} /{Pattern.RawText!.TrimStart('/')}{(Handler is null ? "" : "?handler=" + Handler)}";

    static readonly HashSet<string> HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static async Task<List<MappedRoute>> ListAsync(IServiceProvider services)
    {
        var pages = services.GetRequiredService<PageLoader>();
        var routes = new List<MappedRoute>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // "Agencies/Index" is the same page as "Agencies", which the cases call.
                if (page.ViewEnginePath.EndsWith("/Index") && endpoint.RoutePattern.RawText!.EndsWith("Index")) continue;
                // A page answers GET without a handler even when it declares none; each OnPostX/OnGetX is its own case.
                var compiled = await pages.LoadAsync(page, endpoint.Metadata);
                // A page's OnPageHandlerExecution… overrides are listed too, with no HTTP method of their own.
                var handlers = compiled.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name))
                    .Where(h => HttpMethods.Contains(h.Method))
                    .Append(("GET", null)).Distinct();
                routes.AddRange(handlers.Select(h => new MappedRoute(h.Method, endpoint.RoutePattern, h.Name)));
            }
            else
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
                routes.AddRange(methods.Select(m => new MappedRoute(m.ToUpperInvariant(), endpoint.RoutePattern, null)));
            }
        }
        return routes.Distinct().ToList();
    }

    /// <summary>
    /// The mapped routes a request would reach: same method and page handler, path matching the pattern and its
    /// constraints; of several, those with the most literal segments (as routing prefers "Plans/Import" to "Plans/{id}").
    /// </summary>
    public static IEnumerable<MappedRoute> BestMatches(IEnumerable<MappedRoute> mapped, string method, string url, IServiceProvider services)
    {
        var uri = new Uri(new Uri("http://localhost"), url);
        var handler = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).TryGetValue("handler", out var h) ? h.ToString() : null;
        if (string.IsNullOrEmpty(handler)) handler = null;
        var constraints = services.GetRequiredService<IInlineConstraintResolver>();
        var matches = mapped.Where(r => r.Method == method.ToUpperInvariant()
                && string.Equals(r.Handler, handler, StringComparison.OrdinalIgnoreCase)
                && Matches(r.Pattern, uri.AbsolutePath, constraints))
            .ToList();
        if (matches.Count == 0) return [];
        var best = matches.Max(r => Literals(r.Pattern));
        return matches.Where(r => Literals(r.Pattern) == best);
    }

    static int Literals(RoutePattern p) => p.PathSegments.Count(s => s.IsSimple && s.Parts[0].IsLiteral);

    static bool Matches(RoutePattern pattern, string path, IInlineConstraintResolver resolver)
    {
        var values = new RouteValueDictionary();
        if (!new TemplateMatcher(new RouteTemplate(pattern), new RouteValueDictionary(pattern.Defaults)).TryMatch(path, values)) return false;
        foreach (var (name, policies) in pattern.ParameterPolicies)
            foreach (var policy in policies.Where(p => p.Content is not null))
                if (values.ContainsKey(name) && resolver.ResolveConstraint(policy.Content!) is { } constraint
                    && !constraint.Match(null, null, name, values, RouteDirection.IncomingRequest))
                    return false;
        return true;
    }
}
