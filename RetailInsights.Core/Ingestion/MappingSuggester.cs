using System.Text;

namespace RetailInsights.Core.Ingestion;

/// <summary>
/// Guesses which column each header of an unknown file stands for, from three clues: the header's name (the
/// columns' names and aliases, then the words real exports use, e.g. <c>sold_at</c> or <c>member_no</c>), and the
/// shape of its sample values (dates, whole numbers, decimals, codes), which can confirm or veto a name and, for a
/// required column no name points to, pick the one header whose values fit. Pure: headers and rows in, a guess out.
/// </summary>
public static class MappingSuggester
{
    private enum Shape { Date, Whole, Number, Code, Text }

    private const int ExactName = 100;
    private const int WordInName = 60;
    private const int PartOfName = 45;
    private const int ShapeFits = 30;
    private const int Enough = 40;

    /// <summary>Words that, in a header, point to a column (matched as whole words, or inside a run-together name).</summary>
    private static readonly Dictionary<string, string[]> Words = new(StringComparer.Ordinal)
    {
        ["Invoice"] = ["invoice", "inv", "receipt", "rcpt", "bill", "ticket", "order", "transaction", "txn", "trx", "basket", "docket", "original"],
        ["StockCode"] = ["sku", "stock", "item", "product", "article", "plu", "ean", "upc", "barcode", "material", "prod"],
        ["Description"] = ["description", "desc", "title", "label", "name"],
        ["Quantity"] = ["qty", "quantity", "units", "pcs", "pieces", "count", "qnty"],
        ["InvoiceDate"] = ["date", "time", "datetime", "timestamp", "sold", "when", "day", "created", "posted", "occurred"],
        ["Price"] = ["price", "cost", "rate"],
        ["Customer ID"] = ["customer", "cust", "client", "member", "loyalty", "card", "shopper", "buyer", "account"],
        ["Country"] = ["country", "nation", "ctry"],
        ["StoreId"] = ["store", "shop", "outlet", "branch", "location", "site", "pos"],
        ["LineAmount"] = ["total", "subtotal", "linetotal", "amount", "sum", "gross"],
        ["RefundId"] = ["refund", "return", "rma", "credit"],
        ["Amount"] = ["amount", "total", "value", "refunded", "sum"],
        ["Reason"] = ["reason", "cause", "why"],
        ["RefundedAt"] = ["date", "time", "datetime", "timestamp", "refunded", "returned", "when", "day", "created"],
        ["Category"] = ["category", "cat", "group", "department", "dept", "family", "class", "type"],
        ["BasePrice"] = ["price", "list", "base", "rrp", "msrp"],
        ["StoreName"] = ["name", "title", "label"],
        ["City"] = ["city", "town"],
        ["Region"] = ["region", "province", "state", "county"],
        ["SizeSqFt"] = ["size", "sqft", "sqm", "floor", "footage"],
    };

    private static readonly Dictionary<string, Shape> Shapes = new(StringComparer.Ordinal)
    {
        ["Invoice"] = Shape.Code, ["StockCode"] = Shape.Code, ["Quantity"] = Shape.Whole, ["InvoiceDate"] = Shape.Date,
        ["Price"] = Shape.Number, ["Customer ID"] = Shape.Code, ["StoreId"] = Shape.Code, ["LineAmount"] = Shape.Number,
        ["RefundId"] = Shape.Code, ["Amount"] = Shape.Number, ["RefundedAt"] = Shape.Date, ["BasePrice"] = Shape.Number,
        ["SizeSqFt"] = Shape.Whole,
    };

    /// <param name="rows">Sample records, values by header position (a few dozen are plenty).</param>
    /// <param name="kind">The file's kind, or null to guess it too (the kind whose required columns are best covered).</param>
    public static MappingSuggestion Suggest(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, UploadKind? kind = null)
    {
        var shapes = headers.Select((_, i) => ValueShape.Of(rows.Select(r => i < r.Count ? r[i] : ""))).ToArray();
        var guesses = (kind is { } k ? [k] : Enum.GetValues<UploadKind>())
            .Select(candidate => Guess(candidate, headers, shapes))
            .OrderBy(g => g.Unassigned.Count)
            .ThenByDescending(g => g.Columns.Count(c => c.Column is not null))
            .ToList();
        return guesses[0];
    }

    private static MappingSuggestion Guess(UploadKind kind, IReadOnlyList<string> headers, ValueShape[] shapes)
    {
        var columns = FileSchemas.For(kind);
        var scored = new List<(int Score, int Index, ColumnSpec Column, string Why)>();
        for (var i = 0; i < headers.Count; i++)
            foreach (var column in columns)
                if (Score(headers[i], shapes[i], column) is { Score: >= Enough } score)
                    scored.Add((score.Score, i, column, score.Why));

        var given = new Dictionary<int, (ColumnSpec Column, string Why)>();
        foreach (var (_, index, column, why) in scored.OrderByDescending(s => s.Score).ThenBy(s => s.Index))
            if (!given.ContainsKey(index) && given.Values.All(g => g.Column != column))
                given[index] = (column, why);

        // A required column no name points to: the one header left whose values have its shape (e.g. the only dates).
        foreach (var column in columns.Where(c => c.Required && given.Values.All(g => g.Column != c) && Shapes.ContainsKey(c.Name)))
        {
            var fitting = Enumerable.Range(0, headers.Count).Where(i => !given.ContainsKey(i) && Fits(shapes[i], Shapes[column.Name])).ToList();
            if (fitting is [var only])
                given[only] = (column, $"the only remaining column of {Describe(Shapes[column.Name])}");
        }

        var suggestions = headers.Select((header, i) => given.TryGetValue(i, out var g)
            ? new ColumnSuggestion(i, header, g.Column.Name, g.Why)
            : new ColumnSuggestion(i, header, null, "no column fits")).ToList();
        var dateOrder = given.Where(g => Shapes.GetValueOrDefault(g.Value.Column.Name, Shape.Text) == Shape.Date)
            .Select(g => shapes[g.Key].ProvenOrder).FirstOrDefault();
        var separators = given.Where(g => Shapes.GetValueOrDefault(g.Value.Column.Name, Shape.Text) == Shape.Number)
            .Select(g => shapes[g.Key].DecimalSeparator).OfType<char>().Distinct().ToList();
        return new MappingSuggestion(kind, suggestions, dateOrder, separators is [var one] ? one : null);
    }

    private static (int Score, string Why) Score(string header, ValueShape shape, ColumnSpec column)
    {
        var normalized = ColumnSpec.Normalize(header);
        var (score, why) = column.Matches(normalized) ? (ExactName, $"the name matches {column.Name}") : NameScore(header, normalized, column);
        if (score == 0)
            return (0, "");
        if (!Shapes.TryGetValue(column.Name, out var expected) || shape.Count == 0)
            return (score, why);
        if (Fits(shape, expected))
            return (score + ShapeFits, $"{why}; the values are {Describe(expected)}");
        // A name is not enough against the values: "Date" full of prices is not the sale's date.
        return (score == ExactName ? score / 2 : 0, $"{why}, though the values are not {Describe(expected)}");
    }

    private static (int Score, string Why) NameScore(string header, string normalized, ColumnSpec column)
    {
        if (!Words.TryGetValue(column.Name, out var words))
            return (0, "");
        var tokens = Tokens(header);
        if (words.FirstOrDefault(tokens.Contains) is { } word)
            return (WordInName, $"“{word}” in the name suggests {column.Name}");
        if (words.FirstOrDefault(w => w.Length >= 4 && normalized.Contains(w, StringComparison.Ordinal)) is { } part)
            return (PartOfName, $"“{part}” in the name suggests {column.Name}");
        return (0, "");
    }

    private static bool Fits(ValueShape shape, Shape expected) => expected switch
    {
        Shape.Date => shape.IsDate,
        Shape.Whole => shape.IsWhole,
        Shape.Number => shape.IsNumber,
        Shape.Code => shape.IsCode,
        _ => !shape.IsDate,
    };

    private static string Describe(Shape shape) => shape switch
    {
        Shape.Date => "dates",
        Shape.Whole => "whole numbers",
        Shape.Number => "numbers",
        Shape.Code => "codes",
        _ => "text",
    };

    /// <summary>The words of a header: split at anything not a letter or digit, and where a lower-case letter meets an upper-case one.</summary>
    private static HashSet<string> Tokens(string header)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length > 0)
                tokens.Add(word.ToString().ToLowerInvariant());
            word.Clear();
        }
        for (var i = 0; i < header.Length && i < 256; i++)
        {
            var c = header[i];
            if (!char.IsLetterOrDigit(c))
                Flush();
            else
            {
                if (char.IsUpper(c) && i > 0 && char.IsLower(header[i - 1]))
                    Flush();
                word.Append(c);
            }
        }
        Flush();
        return tokens;
    }
}
