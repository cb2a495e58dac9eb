using System.Reflection;
using FluentAssertions;

namespace ParTrack.Tests.Architecture;

/// <summary>
/// A feature uses another feature only through the types that feature offers (docs/architecture.md, "Feature
/// boundaries"): every type of namespace ParTrack.Features.X that code in ParTrack.Features.Y (Y ≠ X) names in a
/// signature — base type, constructor and method parameters, return types, fields (including the compiler's
/// closures and async state machines, so locals of async methods count), properties — must be in
/// <see cref="FeatureSurface.Offered"/> for X. Features/Shared and the root namespace (FileStore) are for everyone;
/// Demo seeds every feature's tables, as a test does, and is exempt.
/// </summary>
public sealed class FeatureBoundaryTests
{
    const string Root = "ParTrack.Features.";

    static string? FeatureOf(Type t)
    {
        var ns = t.Namespace;
        if (ns is null || !ns.StartsWith(Root)) return null;
        var feature = ns[Root.Length..].Split('.')[0];
        return feature == "Shared" ? null : feature;
    }

    static Type Outermost(Type t)
    {
        while (t.DeclaringType is not null) t = t.DeclaringType;
        return t;
    }

    static IEnumerable<Type> Expand(Type t)
    {
        if (t.HasElementType) { foreach (var e in Expand(t.GetElementType()!)) yield return e; yield break; }
        if (t.IsGenericParameter) yield break;
        yield return t.IsGenericType ? t.GetGenericTypeDefinition() : t;
        if (t.IsGenericType && !t.IsGenericTypeDefinition)
            foreach (var arg in t.GetGenericArguments())
                foreach (var e in Expand(arg)) yield return e;
    }

    const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The types a type names in its signatures.</summary>
    static IEnumerable<Type> Named(Type t)
    {
        var named = new List<Type>();
        if (t.BaseType is { } b) named.Add(b);
        named.AddRange(t.GetInterfaces());
        named.AddRange(t.GetFields(All).Select(f => f.FieldType));
        named.AddRange(t.GetProperties(All).Select(p => p.PropertyType));
        foreach (var m in t.GetMethods(All).Cast<MethodBase>().Concat(t.GetConstructors(All)))
        {
            if (m is MethodInfo mi) named.Add(mi.ReturnType);
            named.AddRange(m.GetParameters().Select(p => p.ParameterType));
        }
        return named.SelectMany(Expand);
    }

    /// <summary>Each use of another feature's type: "Y → X.Type (from Y.User)".</summary>
    static List<(string User, string UsedFeature, string Used)> CrossFeatureUses()
    {
        var app = typeof(ParTrack.Features.FileStore).Assembly;
        var uses = new List<(string, string, string)>();
        foreach (var type in app.GetTypes())
        {
            var from = FeatureOf(Outermost(type));
            if (from is null or "Demo") continue;
            foreach (var used in Named(type).Where(u => u.Assembly == app).Select(Outermost).Distinct())
                if (FeatureOf(used) is { } to && to != from)
                    uses.Add(($"{from}.{Outermost(type).Name}", to, used.Name));
        }
        return uses;
    }

    [Fact]
    public void EveryCrossFeatureUse_IsOfATypeTheFeatureOffers()
    {
        var refused = CrossFeatureUses()
            .Where(u => !FeatureSurface.Offered.TryGetValue(u.UsedFeature, out var offered) || !offered.Contains(u.Used))
            .Select(u => $"{u.UsedFeature}.{u.Used} (used by {u.User})").Distinct().Order().ToList();
        refused.Should().BeEmpty("a feature is reached through the services it offers (FeatureSurface; docs/architecture.md, " +
            "\"Feature boundaries\"): call one of them, or, if the type is meant for other features, add it to its feature's " +
            "list. Refused:\n" + string.Join("\n", refused) + "\n");
    }

    [Fact]
    public void TheRule_SeesUsesInSignaturesAndAsyncBodies()
    {
        var uses = CrossFeatureUses();
        // Reporting's pages take Accounts' CurrentUser in their constructors.
        uses.Should().Contain(u => u.User.StartsWith("Reporting.") && u.UsedFeature == "Accounts" && u.Used == "CurrentUser");
        uses.Should().NotContain(u => u.User.StartsWith("Demo."), "Demo is exempt");
    }

    [Fact]
    public void EveryOfferedType_Exists()
    {
        var app = typeof(ParTrack.Features.FileStore).Assembly;
        var names = app.GetTypes().Where(t => FeatureOf(t) is not null).Select(t => $"{FeatureOf(t)}.{Outermost(t).Name}").ToHashSet();
        FeatureSurface.Offered.SelectMany(f => f.Value.Select(t => $"{f.Key}.{t}")).Where(n => !names.Contains(n))
            .Should().BeEmpty("a type a feature no longer has is removed from its list");
    }
}
