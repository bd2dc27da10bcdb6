namespace RetailInsights.Core.CustomerValue;

/// <summary>
/// Every customer's purchase occasions before an end day, sorted by customer id (ordinal) and day, in flat arrays: the
/// summaries at any earlier cut-off and the occasions after it are read from them without another pass over the lines.
/// </summary>
internal sealed class PurchaseHistories
{
    private readonly int[] _start;
    private readonly int[] _days;
    private readonly decimal[] _spend;

    private PurchaseHistories(string[] customers, int[] start, int[] days, decimal[] spend) =>
        (Customers, _start, _days, _spend) = (customers, start, days, spend);

    /// <summary>Customer ids, ordinal order; customer i's occasions are the range [start[i], start[i+1]).</summary>
    public string[] Customers { get; }

    /// <summary>The occasions before <paramref name="end"/> (exclusive) of the lines' customers.</summary>
    public static PurchaseHistories From(IEnumerable<PurchaseLine> lines, DateOnly end)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var capacity = lines is IReadOnlyCollection<PurchaseLine> known ? known.Count : 0;
        var keys = new List<long>(capacity);
        var amounts = new List<decimal>(capacity);
        foreach (var line in lines)
        {
            // Returns and zero-price lines are refunds or giveaways, not purchases: they neither make an occasion nor
            // lower its spend.
            if (line.Amount <= 0 || line.Day >= end || string.IsNullOrEmpty(line.CustomerId))
                continue;
            if (!ids.TryGetValue(line.CustomerId, out var id))
                ids[line.CustomerId] = id = ids.Count;
            keys.Add(((long)id << 32) | (uint)line.Day.DayNumber);
            amounts.Add(line.Amount);
        }

        // Renumber customers in ordinal id order, then one sort by (customer, day) puts each customer's days together.
        var customers = ids.Keys.ToArray();
        Array.Sort(customers, StringComparer.Ordinal);
        var rank = new int[customers.Length];
        for (var i = 0; i < customers.Length; i++)
            rank[ids[customers[i]]] = i;
        var keySpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(keys);
        var amountSpan = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(amounts);
        for (var i = 0; i < keySpan.Length; i++)
            keySpan[i] = ((long)rank[(int)(keySpan[i] >> 32)] << 32) | (keySpan[i] & 0xFFFF_FFFFL);
        keySpan.Sort(amountSpan);

        var start = new int[customers.Length + 1];
        var days = new List<int>();
        var spend = new List<decimal>();
        var current = -1;
        for (var i = 0; i < keySpan.Length; i++)
        {
            if (i > 0 && keySpan[i] == keySpan[i - 1])
            {
                spend[^1] += amountSpan[i];
                continue;
            }
            var customer = (int)(keySpan[i] >> 32);
            while (current < customer)
                start[++current] = days.Count;
            days.Add((int)(keySpan[i] & 0xFFFF_FFFFL));
            spend.Add(amountSpan[i]);
        }
        while (current < customers.Length)
            start[++current] = days.Count;
        return new PurchaseHistories(customers, start, [.. days], [.. spend]);
    }

    /// <summary>Customer i's occasions before <paramref name="end"/>, as (index of the first, count).</summary>
    public (int First, int Count) Before(int customer, DateOnly end)
    {
        int from = _start[customer], to = _start[customer + 1];
        var count = 0;
        while (from + count < to && _days[from + count] < end.DayNumber)
            count++;
        return (from, count);
    }

    /// <summary>Customer i's occasions on or after <paramref name="from"/>, as days since it.</summary>
    public IEnumerable<int> DaysFrom(int customer, DateOnly from)
    {
        for (var k = _start[customer]; k < _start[customer + 1]; k++)
            if (_days[k] >= from.DayNumber)
                yield return _days[k] - from.DayNumber;
    }

    /// <summary>Customer i's summary as of <paramref name="calibrationEnd"/>, null without an occasion before it.</summary>
    public CustomerSummary? Summary(int customer, DateOnly calibrationEnd)
    {
        var (first, count) = Before(customer, calibrationEnd);
        if (count == 0)
            return null;
        var total = 0m;
        for (var k = first; k < first + count; k++)
            total += _spend[k];
        var repeats = count - 1;
        var zbar = repeats == 0 ? 0.0 : (double)((total - _spend[first]) / repeats);
        return new CustomerSummary(Customers[customer], repeats, Weeks(_days[first], _days[first + count - 1]),
            Weeks(_days[first], calibrationEnd.DayNumber), zbar);
    }

    private static double Weeks(int from, int to) => (to - from) / CustomerSummaryBuilder.DaysPerWeek;
}
