using RetailInsights.Core.Domain;

namespace RetailInsights.Core.Generation;

/// <summary>
/// Decides which sales are refunded or cancelled, and when, and keeps those events until their day is written. A
/// cancelled invoice gets no refunds, so no unit is ever returned twice; events after the end date are dropped.
/// </summary>
internal sealed class FollowUpScheduler(GeneratorOptions options, Random random)
{
    private const double SameDayCancellationShare = 0.6;

    private static readonly WeightedPicker RefundDelayPicker = new([14, 12, 11, 10, 9, 8, 7, 6, 5, 4, 4, 3, 3, 2, 2]); // 0 … 14 days
    private static readonly WeightedPicker RefundReasonPicker = new([0.35, 0.15, 0.12, 0.23, 0.15]); // as RefundReasons.FromRefundFiles

    private readonly DateOnly _firstDate = options.EndDate.AddDays(1 - options.Days);
    // Admin fees and zero-price lines cannot be refunded; the tracker lifts the others' chance to keep the line share.
    private readonly ShareTracker _refunds = new(options.RefundLineShare);
    private readonly Dictionary<int, List<GeneratedInvoice>> _pendingCancellations = [];
    private readonly Dictionary<int, List<GeneratedRefund>> _pendingRefunds = [];

    public List<GeneratedInvoice> TakeCancellations(int dayIndex) =>
        _pendingCancellations.Remove(dayIndex, out var due) ? due : [];

    public List<GeneratedRefund> TakeRefunds(int dayIndex) =>
        _pendingRefunds.Remove(dayIndex, out var due) ? due : [];

    /// <summary>Schedules the refunds or the cancellation that follow a sale, unless they fall after the end date.</summary>
    public void Schedule(GeneratedInvoice sale)
    {
        if (random.NextDouble() < options.CancelledInvoiceShare)
        {
            foreach (var _ in sale.Lines)
                _refunds.CountLine();
            ScheduleCancellation(sale);
            return;
        }

        foreach (var line in sale.Lines)
        {
            _refunds.CountLine();
            if (line.ProductIndex < 0 || line.Price == 0 || !_refunds.DrawEligible(random))
                continue;
            ScheduleRefund(sale, line);
        }
    }

    private void ScheduleCancellation(GeneratedInvoice sale)
    {
        var cancelled = new List<SaleLine>(sale.Lines.Length);
        foreach (var line in sale.Lines)
            if (line.ProductIndex >= 0 && random.NextDouble() < 0.5)
                cancelled.Add(line with { Quantity = -(1 + random.Next(line.Quantity)) });
        if (cancelled.Count == 0)
        {
            var line = sale.Lines[0]; // The first line is always a product: fees come last.
            cancelled.Add(line with { Quantity = -(1 + random.Next(line.Quantity)) });
        }

        var time = random.NextDouble() < SameDayCancellationShare
            ? sale.Time.AddMinutes(5 + random.Next(176))
            : sale.Time.Date.AddDays(1 + random.Next(3)).AddSeconds(OpeningHoursSecond());
        time = KeepInOpeningHours(time);
        var due = DayIndex(time);
        if (due >= options.Days)
            return;
        Enqueue(_pendingCancellations, due, new GeneratedInvoice("C" + sale.Invoice, time, sale.StoreIndex, sale.CustomerId, [.. cancelled]));
    }

    private void ScheduleRefund(GeneratedInvoice sale, SaleLine line)
    {
        var delayDays = RefundDelayPicker.Pick(random);
        var time = delayDays == 0
            ? sale.Time.AddMinutes(10 + random.Next(230))
            : sale.Time.Date.AddDays(delayDays).AddSeconds(OpeningHoursSecond());
        time = KeepInOpeningHours(time);
        var due = DayIndex(time);
        if (due >= options.Days)
            return;

        var quantity = 1 + random.Next(line.Quantity);
        var reason = RefundReasons.FromRefundFiles[RefundReasonPicker.Pick(random)];
        Enqueue(_pendingRefunds, due, new GeneratedRefund(
            time, sale.Invoice, line.StockCode, quantity, quantity * line.Price, reason, sale.StoreIndex, sale.CustomerId));
    }

    /// <summary>A time after closing (or past midnight) moves to a random time of the next opening day.</summary>
    private DateTime KeepInOpeningHours(DateTime time)
    {
        if (time.Hour >= ShoppingCalendar.OpeningHour && time.Hour < ShoppingCalendar.ClosingHour)
            return time;
        var nextDay = time.Hour >= ShoppingCalendar.ClosingHour ? time.Date.AddDays(1) : time.Date;
        return nextDay.AddSeconds(OpeningHoursSecond());
    }

    private int OpeningHoursSecond() =>
        ShoppingCalendar.OpeningHour * 3600 + random.Next((ShoppingCalendar.ClosingHour - ShoppingCalendar.OpeningHour) * 3600);

    private int DayIndex(DateTime time) => DateOnly.FromDateTime(time).DayNumber - _firstDate.DayNumber;

    private static void Enqueue<T>(Dictionary<int, List<T>> pending, int dayIndex, T item)
    {
        if (!pending.TryGetValue(dayIndex, out var list))
            pending.Add(dayIndex, list = []);
        list.Add(item);
    }
}
