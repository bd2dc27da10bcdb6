using System.Globalization;
using RetailInsights.Core.Ingestion;

namespace RetailInsights.Tests.Core.Ingestion;

/// <summary>The digit-by-digit date reader must agree with .NET's exact parsing of the documented forms, value for value.</summary>
[Trait("Tier", "unit")]
public sealed class DateParsingTests
{
    // The documented forms, written out independently of the parser.
    private static readonly string[] Iso =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ",
    ];

    private static readonly string[] MonthFirst = ["M/d/yyyy H:mm", "M/d/yyyy H:mm:ss", "M/d/yyyy", "M/d/yy H:mm", "M/d/yyyy h:mm tt"];
    private static readonly string[] DayFirst = ["d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d/M/yyyy", "d/M/yy H:mm", "d.M.yyyy H:mm", "d.M.yyyy"];

    [Theory]
    [InlineData("2025-07-01 08:26:05", DateOrder.MonthFirst, "2025-07-01T08:26:05")]
    [InlineData("2025-07-01T08:26", DateOrder.MonthFirst, "2025-07-01T08:26:00")]
    [InlineData("12/1/2010 8:26", DateOrder.MonthFirst, "2010-12-01T08:26:00")]
    [InlineData("12/1/2010 8:26", DateOrder.DayFirst, "2010-01-12T08:26:00")]
    [InlineData("29/02/2024 23:59:59", DateOrder.DayFirst, "2024-02-29T23:59:59")]
    [InlineData("1.12.2010 08:26", DateOrder.DayFirst, "2010-12-01T08:26:00")]
    [InlineData("12/1/2010 8:26 PM", DateOrder.MonthFirst, "2010-12-01T20:26:00")]
    public void CommonForms_readAsTheirCalendarValue(string text, DateOrder order, string expected)
    {
        Assert.True(ValueParsers.TryParseDate(text, order, out var value));
        Assert.Equal(DateTime.Parse(expected, CultureInfo.InvariantCulture), value);
        Assert.Equal(DateTimeKind.Unspecified, value.Kind);
    }

    [Theory]
    [InlineData("2025-02-30 10:00")]
    [InlineData("2025-13-01")]
    [InlineData("2025-07-01 24:00")]
    [InlineData("2025-07-01 8:26")]
    [InlineData("13/13/2025")]
    [InlineData("1/1/2025 10:60")]
    [InlineData("2025-07-01 10:00:")]
    public void ImpossibleOrMisshapenDates_areRefused(string text) =>
        Assert.False(ValueParsers.TryParseDate(text, DateOrder.MonthFirst, out _));

    [Fact]
    public void RandomDateLikeText_isReadExactlyAsExactParsingReadsIt()
    {
        var random = new Random(20261123);
        string[] separators = ["-", "/", ".", ":", " ", "T"];
        for (var i = 0; i < 50_000; i++)
        {
            var text = RandomDateLike(random, separators);
            foreach (var order in new[] { DateOrder.MonthFirst, DateOrder.DayFirst })
            {
                var forms = text.Trim().Length >= 10 && text.Trim()[4] == '-' ? Iso : order == DateOrder.DayFirst ? DayFirst : MonthFirst;
                var expectedOk = DateTime.TryParseExact(text.Trim(), forms, CultureInfo.InvariantCulture,
                    DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var expected);
                var ok = ValueParsers.TryParseDate(text, order, out var value);
                Assert.True(expectedOk == ok, $"'{text}' ({order}): exact parsing says {expectedOk}, ours {ok}");
                if (ok)
                    Assert.True(expected == value, $"'{text}' ({order}): {expected:O} expected, {value:O} read");
            }
        }
    }

    // Mostly well-formed dates with digits of random width, sometimes a wrong separator or a stray character.
    private static string RandomDateLike(Random random, string[] separators)
    {
        string Number(int max, int width) => random.Next(4) == 0
            ? random.Next(0, max * 2).ToString(CultureInfo.InvariantCulture)
            : random.Next(0, max + 1).ToString(CultureInfo.InvariantCulture).PadLeft(random.Next(1, width + 1), '0');
        var iso = random.Next(2) == 0;
        var date = iso
            ? $"{random.Next(1990, 2031)}-{Number(12, 2)}-{Number(31, 2)}"
            : $"{Number(31, 2)}/{Number(31, 2)}/{(random.Next(6) == 0 ? Number(99, 2) : random.Next(1990, 2031).ToString(CultureInfo.InvariantCulture))}";
        var text = random.Next(5) switch
        {
            0 => date,
            1 => $"{date}{(iso && random.Next(2) == 0 ? "T" : " ")}{Number(23, 2)}:{Number(59, 2)}",
            _ => $"{date}{(iso && random.Next(2) == 0 ? "T" : " ")}{Number(23, 2)}:{Number(59, 2)}:{Number(59, 2)}",
        };
        if (random.Next(10) == 0)
        {
            var at = random.Next(text.Length);
            text = text[..at] + separators[random.Next(separators.Length)] + text[(at + 1)..];
        }
        if (random.Next(20) == 0)
            text = " " + text + " ";
        return text;
    }
}
