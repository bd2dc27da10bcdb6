namespace RetailInsights.Core.Segmentation;

/// <summary>A named segment: the R and FM scores it covers, what it means, and what marketing should do.</summary>
public sealed record RfmSegment(string Name, int MinR, int MaxR, int MinFM, int MaxFM, string Description, string Action)
{
    public bool Matches(int r, int fm) => r >= MinR && r <= MaxR && fm >= MinFM && fm <= MaxFM;
}
