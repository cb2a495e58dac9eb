[assembly: Microsoft.Extensions.Localization.RootNamespace("ParTrack")]

namespace ParTrack;

/// <summary>
/// Marker for the shared UI strings in Resources/SharedResource.*.resx. Keys are the Vietnamese text
/// itself, so a missing translation still shows Vietnamese; SharedResource.en.resx holds English.
/// </summary>
public sealed class SharedResource;
