namespace ParTrack.Features.Agencies;

public sealed class AgencyDirectory;
