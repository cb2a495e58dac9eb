using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using ParTrack.Features.Accounts;

namespace ParTrack.Features.Shared;

/// <summary>
/// How a feature adds JSON endpoints (docs/api.md): <c>app.MapApiGroup("/api/things", "Things")</c> gives a group
/// that requires a signed-in user (narrow it per endpoint with RequireAuthorization), checks [FromBody]
/// arguments for nulls, limits request bodies to <see cref="DefaultBodyLimit"/> and documents the answers
/// every operation can give (401, 403, 500 as problem details). Each endpoint then states its own answers with
/// Produces…/ProducesProblem and a summary; updates follow the version rule (<see cref="ApiProblems.CheckVersion"/>).
/// </summary>
public static class ApiConventions
{
    /// <summary>Bodies of ordinary writes (an agency, a group, an activity's bodies) are a few kilobytes.</summary>
    public const long DefaultBodyLimit = 256 * 1024;

    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag)
    {
        var group = app.MapGroup(prefix).WithTags(tag).RequireAuthorization(Policies.Staff);
        group.AddEndpointFilterFactory(ApiBody.Filter);
        group.WithMetadata(new RequestSizeLimitAttribute(DefaultBodyLimit));
        group.ProducesProblem(StatusCodes.Status401Unauthorized);
        group.ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    /// <summary>A larger body limit for one endpoint (a whole plan).</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestSizeLimitAttribute(bytes));

    /// <summary>An update that follows the version rule: its 409 and 428 answers, and 400 for invalid bodies.</summary>
    public static RouteHandlerBuilder ProducesUpdateProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    /// <summary>A create: 400 for invalid bodies, 413 and 415.</summary>
    public static RouteHandlerBuilder ProducesCreateProblems(this RouteHandlerBuilder builder) => builder
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>The size limit that applies to a request: the endpoint's, else the group default.</summary>
    public static long? BodyLimitOf(Endpoint? endpoint) => endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
}
