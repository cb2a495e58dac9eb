namespace ParTrack.Features.Publishing;

public sealed class Publications
{
    public const int KeyLength = 100;
}
