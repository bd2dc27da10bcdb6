namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// A BG/NBD fit. When <see cref="Converged"/> is false, <see cref="Failure"/> says why and <see cref="Parameters"/> is
/// null. When <see cref="DropoutAtBound"/> is true the drop-out parameters ran to their bound (no drop-out shows in
/// the data): the fit is then the NBD's, <see cref="Parameters"/> has no drop-out and <see cref="Note"/> says so.
/// </summary>
public sealed record BgNbdFit(
    BgNbdParameters? Parameters,
    double LogLikelihood,
    int Customers,
    bool Converged,
    string? Failure,
    bool DropoutAtBound,
    string? Note,
    IReadOnlyList<FitStart> Starts);
