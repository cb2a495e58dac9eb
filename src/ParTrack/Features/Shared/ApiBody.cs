using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace ParTrack.Features.Shared;

/// <summary>
/// Request bodies of the API. JSON binding alone lets a null through wherever the type says a value is
/// always there (<c>"aliases":[null]</c>, <c>"document":null</c>), and the handler then fails with a 500. Every
/// [FromBody] parameter is therefore checked against its nullable annotations before the handler runs
/// (<see cref="Filter"/>, added by <see cref="ApiConventions.MapApiGroup"/>), and a body read by hand goes
/// through <see cref="ReadAsync{T}"/>: the same checks, the same 400/415 answers.
/// </summary>
public static class ApiBody
{
    public const string NullMessage = "Giá trị không được để trống (null).";
    public const string NotJsonTitle = "Nội dung gửi lên phải là JSON (Content-Type: application/json).";

    /// <summary>Endpoint filter factory: checks each [FromBody] argument for nulls where its type forbids them.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var bodies = context.MethodInfo.GetParameters()
            .Select((p, i) => (Parameter: p, Index: i))
            .Where(x => x.Parameter.GetCustomAttribute<FromBodyAttribute>() is not null)
            .ToList();
        if (bodies.Count == 0) return next;
        return async invocation =>
        {
            foreach (var (parameter, index) in bodies)
            {
                var errors = NullsIn(invocation.Arguments[index], new NullabilityInfoContext().Create(parameter));
                if (errors.Count > 0) return ApiProblems.Invalid(errors);
            }
            return await next(invocation);
        };
    }

    /// <summary>A body read by hand (with its own serializer options): 415 unless JSON, 400 when malformed, empty or holding nulls.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: NotJsonTitle));
        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync<T>(request.Body, options, ct);
        }
        catch (JsonException ex)
        {
            return (null, ApiProblems.Invalid(ex.Path is { Length: > 1 } p ? p.TrimStart('$', '.') : "body", MalformedMessage(ex)));
        }
        if (value is null) return (null, ApiProblems.Invalid("body", "Thiếu nội dung (JSON)."));
        var errors = NullsIn(value, null);
        return errors.Count > 0 ? (null, ApiProblems.Invalid(errors)) : (value, null);
    }

    public static string MalformedMessage(JsonException ex) =>
        $"JSON không hợp lệ{(ex.Path is { Length: > 1 } p ? $" ở {p}" : "")}: kiểm tra cú pháp và kiểu giá trị (chuỗi, số, danh sách).";

    /// <summary>Paths (camelCase, as the JSON names them) where a null sits that the type does not allow. Stops after 20.</summary>
    public static List<(string Field, string Message)> NullsIn(object? value, NullabilityInfo? info)
    {
        var errors = new List<(string, string)>();
        Walk(value, info, "", errors, depth: 0);
        return errors;
    }

    static void Walk(object? value, NullabilityInfo? info, string path, List<(string, string)> errors, int depth)
    {
        if (errors.Count >= 20 || depth > 10) return;
        if (value is null)
        {
            if (info is { ReadState: NullabilityState.NotNull } && !info.Type.IsValueType) errors.Add((path.Length == 0 ? "body" : path, NullMessage));
            return;
        }
        var type = value.GetType();
        if (value is string || type.IsPrimitive || type.IsEnum || !(type.Namespace?.StartsWith("ParTrack") ?? false) && value is not IEnumerable)
            return;
        if (value is IEnumerable items)
        {
            var itemInfo = info?.ElementType ?? info?.GenericTypeArguments.FirstOrDefault();
            var i = 0;
            foreach (var item in items) Walk(item, itemInfo, $"{path}[{i++}]", errors, depth + 1);
            return;
        }
        foreach (var (property, name, propertyInfo) in Properties.GetOrAdd(type, Describe))
            Walk(property.GetValue(value), propertyInfo, path.Length == 0 ? name : $"{path}.{name}", errors, depth + 1);
    }

    static readonly ConcurrentDictionary<Type, (PropertyInfo, string, NullabilityInfo)[]> Properties = new();

    static (PropertyInfo, string, NullabilityInfo)[] Describe(Type type)
    {
        var context = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(p => (p, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), context.Create(p)))
            .ToArray();
    }
}
