namespace RetailInsights.Web.Components.Shared;

/// <summary>What a card shows of its query: a loading indicator, its figures, its empty state, or why it has none.</summary>
public interface ICardState
{
    bool IsLoading { get; }

    /// <summary>Why the figures could not be had (the query failed or took too long); null when they could.</summary>
    string? Error { get; }

    bool IsEmpty { get; }
}

/// <summary>One card's figures as its query left them (see <see cref="DashboardCard"/>).</summary>
public sealed class CardData<T>(Func<T, bool>? isEmpty = null) : ICardState
{
    public bool IsLoading { get; private set; } = true;

    public string? Error { get; private set; }

    public T? Value { get; private set; }

    public bool IsEmpty => Value is null || (isEmpty?.Invoke(Value) ?? false);

    public void Loading()
    {
        IsLoading = true;
        Error = null;
    }

    public void Show(T value)
    {
        Value = value;
        IsLoading = false;
        Error = null;
    }

    public void Fail(string error)
    {
        Value = default;
        IsLoading = false;
        Error = error;
    }
}
