namespace ParTrack.Domain.Satisfaction;

/// <summary>How many answers a unit needs: by formula from its frame, or a fixed number (Bình Dương 2018: 150 per commune).</summary>
public abstract record QuotaRule
{
    public abstract int For(int population);
}

/// <summary>Yamane's n = N / (1 + N·e²), rounded up (the "earlier method" of DOMAIN §9), never more than N.</summary>
public sealed record FormulaQuota(decimal Margin = FormulaQuota.DefaultMargin) : QuotaRule
{
    public const decimal DefaultMargin = 0.05m;

    public override int For(int population) => Sampling.SampleSize(population, Margin);
}

/// <summary>The same number for every unit (capped at the frame: a commune with 90 dossiers cannot give 150 answers).</summary>
public sealed record FixedQuota(int PerUnit) : QuotaRule
{
    public override int For(int population) => Math.Min(Math.Max(PerUnit, 0), Math.Max(population, 0));
}

public static class Sampling
{
    /// <summary>n = N / (1 + N·e²), rounded up so the margin is met; 0 for an empty frame.</summary>
    public static int SampleSize(int population, decimal margin = FormulaQuota.DefaultMargin)
    {
        if (population <= 0) return 0;
        if (margin <= 0 || margin >= 1) throw new ArgumentOutOfRangeException(nameof(margin), "e must be between 0 and 1.");
        var n = population / (1m + population * margin * margin);
        return (int)Math.Min(population, Math.Ceiling(n));
    }

    /// <summary>
    /// A reproducible random draw of <paramref name="count"/> items from the frame: the same frame (same order) and the
    /// same seed give the same sample, so a recorded seed lets anyone repeat the draw. The generator is SplitMix64,
    /// written here, because System.Random's seeded sequence is not promised to stay the same across .NET versions.
    /// </summary>
    public static IReadOnlyList<T> Draw<T>(IReadOnlyList<T> frame, int count, long seed)
    {
        var items = frame.ToArray();
        count = Math.Clamp(count, 0, items.Length);
        var state = unchecked((ulong)seed);
        // Partial Fisher–Yates: the first `count` places hold a uniform sample without replacement.
        for (int i = 0; i < count; i++)
        {
            var j = i + (int)(Next(ref state) % (ulong)(items.Length - i));
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items[..count];
    }

    static ulong Next(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
