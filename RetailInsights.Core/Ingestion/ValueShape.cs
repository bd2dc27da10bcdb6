namespace RetailInsights.Core.Ingestion;

/// <summary>What a column's sample values look like, for guessing which field a header stands for.</summary>
internal sealed record ValueShape(double Dates, double Wholes, double Numbers, double Codes, int Count, DateOrder? ProvenOrder, char? DecimalSeparator)
{
    private const double Most = 0.8;

    public bool IsDate => Count > 0 && Dates >= Most;

    public bool IsWhole => Count > 0 && Wholes >= Most && !IsDate;

    public bool IsNumber => Count > 0 && Numbers >= Most && !IsDate;

    public bool IsCode => Count > 0 && Codes >= Most && !IsDate;

    public static ValueShape Of(IEnumerable<string> samples)
    {
        int count = 0, dates = 0, wholes = 0, numbers = 0, codes = 0, commas = 0, dots = 0;
        bool dayFirst = false, monthFirst = false;
        foreach (var raw in samples)
        {
            var value = raw.Trim();
            if (value.Length == 0)
                continue;
            count++;
            var isDate = ValueParsers.TryParseDate(value, DateOrder.DayFirst, out _) || ValueParsers.TryParseDate(value, DateOrder.MonthFirst, out _);
            if (isDate)
            {
                dates++;
                dayFirst |= ValueParsers.ProvenOrder(value) == DateOrder.DayFirst;
                monthFirst |= ValueParsers.ProvenOrder(value) == DateOrder.MonthFirst;
                continue;
            }
            if (ValueParsers.TryParseQuantity(value, decimalComma: true, out _) && !value.Contains(',') && !value.Contains('.'))
                wholes++;
            var isNumber = ValueParsers.TryParseDecimal(value, decimalComma: true, out _);
            if (isNumber)
            {
                numbers++;
                var comma = value.LastIndexOf(',');
                var dot = value.LastIndexOf('.');
                // "1.234,50" and "2,55" write a decimal comma; "1,234.50" and "2.55" a decimal point. "1,234" alone says neither.
                if (comma > dot && value.Length - comma - 1 != 3)
                    commas++;
                else if (dot > comma)
                    dots++;
            }
            // Codes are words or whole numbers; 12.50 is an amount, not a receipt number.
            if (value.Length <= FieldLimits.Code && !value.Any(char.IsWhiteSpace) && !(isNumber && (value.Contains('.') || value.Contains(','))))
                codes++;
        }
        double Share(int n) => count == 0 ? 0 : n / (double)count;
        return new ValueShape(Share(dates), Share(wholes), Share(numbers), Share(codes), count,
            dayFirst == monthFirst ? null : dayFirst ? DateOrder.DayFirst : DateOrder.MonthFirst,
            commas == dots ? null : commas > dots ? ',' : '.');
    }
}
