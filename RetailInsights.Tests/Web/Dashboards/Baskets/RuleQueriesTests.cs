using Microsoft.Extensions.Options;
using RetailInsights.Tests.Support;
using RetailInsights.Web.Dashboards;
using RetailInsights.Web.Dashboards.Baskets;
using RetailInsights.Web.Data.Entities;
using RetailInsights.Web.Infrastructure.Commands;

namespace RetailInsights.Tests.Web.Dashboards.Baskets;

/// <summary>
/// The rule explorer's SQL on a run of the Online Retail sample, loaded and analysed through the real commands: every
/// page in every order the grid offers equals the run's rules sorted here, the counts equal a count here, and the
/// stored redundancy flags equal the definition in SQL.
/// </summary>
[Trait("Tier", "database")]
public sealed class RuleQueriesTests(AnalysedSample analysed) : IClassFixture<AnalysedSample>
{
    private readonly long _runId = analysed.RunId;
    private readonly List<RunRule> _all = analysed.Rules;
    private readonly OnlineRetailSampleFixture sample = analysed.Sample;

    private RuleQueries Queries => new(new DashboardDatabase(sample.Pipeline.Database.DataSource, Options.Create(new DashboardOptions())));

    public static TheoryData<string?, bool> Sorts => new()
    {
        { null, true }, { nameof(RunRule.Lift), true }, { nameof(RunRule.Lift), false }, { nameof(RunRule.Confidence), true },
        { nameof(RunRule.Confidence), false }, { nameof(RunRule.Support), false }, { nameof(RunRule.Count), true },
        { nameof(RunRule.Leverage), true }, { nameof(RunRule.Conviction), false },
    };

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task PageAsync_everyPageInEveryOrder_equalsTheRunSortedHere(string? column, bool descending)
    {
        var view = new RuleView { MinConfidence = 0.4 };
        var expected = Sorted(_all.Where(r => r.IsRedundant == false && r.Confidence >= 0.4), column, descending).Select(r => r.RuleNo).ToList();

        var shown = new List<int>();
        for (var page = 0; page * 25 < expected.Count + 25; page++)
            shown.AddRange((await Queries.PageAsync(_runId, view, column is null ? null : new RuleSort(column, descending), page, 25, CancellationToken.None))
                .Select(r => r.RuleNo));

        Assert.Equal(expected, shown);
        Assert.Equal(expected.Count, (await Queries.CountsAsync(_runId, view, CancellationToken.None)).Shown);
    }

    [Fact]
    public async Task PageAsync_sortNotInTheList_fallsBackToLiftOrder_andAPageIsAtMostAHundredRules()
    {
        var view = new RuleView { ShowRedundant = true };

        var hostile = await Queries.PageAsync(_runId, view, new RuleSort("lift; DROP TABLE run_rules", true), 0, 10_000, CancellationToken.None);

        Assert.Equal(Sorted(_all, null, true).Take(RuleQueries.MaxPageSize).Select(r => r.RuleNo), hostile.Select(r => r.RuleNo));
        Assert.Equal(_all.Count, await sample.Pipeline.Database.ScalarAsync<long>($"SELECT count(*) FROM run_rules WHERE run_id = {_runId}"));
    }

    [Fact]
    public async Task CountsAndProductRules_equalCountsHere_forAProductLiftAndItems()
    {
        var product = _all.Where(r => r.IsRedundant == false).SelectMany(r => r.Antecedent).GroupBy(c => c).MaxBy(g => g.Count())!.Key;
        var view = new RuleView { Product = product, MinLift = 3, MaxItems = 2 };
        bool InView(RunRule r) => r.Lift >= 3 && r.Antecedent.Length <= 2 && (r.Antecedent.Contains(product) || r.Consequent.Contains(product));

        var counts = await Queries.CountsAsync(_runId, view, CancellationToken.None);
        var boughtWith = await Queries.BoughtWithAsync(_runId, view, CancellationToken.None);
        var offered = await Queries.ProductsAsync(_runId, product[..3], CancellationToken.None);

        Assert.Equal(_all.Count(r => InView(r) && r.IsRedundant == false), counts.Shown);
        Assert.Equal(_all.Count(r => InView(r) && r.IsRedundant == true), counts.HiddenRedundant);
        var left = _all.Where(r => InView(r) && r.IsRedundant == false && r.Antecedent.Contains(product)).OrderBy(r => r.RuleNo).ToList();
        var right = _all.Where(r => InView(r) && r.IsRedundant == false && r.Consequent.Contains(product)).OrderBy(r => r.RuleNo).ToList();
        Assert.Equal(left.Take(RuleQueries.ProductRulesShown).Select(r => r.RuleNo), boughtWith!.AlsoTaken.Rules.Select(r => r.RuleNo));
        Assert.Equal(left.Count, boughtWith.AlsoTaken.Total);
        Assert.Equal(right.Take(RuleQueries.ProductRulesShown).Select(r => r.RuleNo), boughtWith.LeadingToIt.Rules.Select(r => r.RuleNo));
        Assert.Equal(right.Count, boughtWith.LeadingToIt.Total);
        Assert.Equal(_all.Count(r => r.Antecedent.Contains(product)), boughtWith.Product.AntecedentRules);
        Assert.Contains(offered, p => p.StockCode == product);
        Assert.All(offered, p => Assert.True(p.StockCode.Contains(product[..3], StringComparison.OrdinalIgnoreCase)
                                             || p.Name.Contains(product[..3], StringComparison.OrdinalIgnoreCase)));
        Assert.Null(await Queries.BoughtWithAsync(_runId, view with { Product = "NO-SUCH-CODE" }, CancellationToken.None));
    }

    [Fact]
    public async Task StoredRedundancy_equalsTheDefinitionInSql_andTheDetailNamesAGeneralRuleAtLeastAsConfident()
    {
        var byDefinition = await sample.Pipeline.Database.ScalarAsync<long>($"""
            SELECT count(*) FROM run_rules r WHERE r.run_id = {_runId} AND EXISTS (
                SELECT 1 FROM run_rules s WHERE s.run_id = r.run_id AND s.consequent @> r.consequent AND s.consequent <@ r.consequent
                AND s.antecedent <@ r.antecedent AND cardinality(s.antecedent) < cardinality(r.antecedent)
                AND s.count::numeric * r.antecedent_count >= r.count::numeric * s.antecedent_count)
            """);
        var redundant = _all.Where(r => r.IsRedundant == true).OrderBy(r => r.RuleNo).First();

        var detail = await Queries.DetailAsync(_runId, redundant.RuleNo, CancellationToken.None);

        Assert.Equal(byDefinition, _all.Count(r => r.IsRedundant == true));
        Assert.InRange(byDefinition, 1, _all.Count - 1);
        Assert.All(_all, r => Assert.Equal(r.IsRedundant == true, r.GeneralRuleNo is not null));
        var general = detail!.General!;
        Assert.Equal(redundant.GeneralRuleNo, general.RuleNo);
        Assert.True(general.Antecedent.All(redundant.Antecedent.Contains) && general.Antecedent.Length < redundant.Antecedent.Length);
        Assert.Equal(redundant.Consequent, general.Consequent);
        Assert.True(general.Confidence >= redundant.Confidence);
        Assert.Equal(_runId, detail.History[0].RunId);
        Assert.Equal(redundant.Count, detail.History[0].Rule!.Count);
    }

    // The grid's orders: lift descending is the stored order (lift, then confidence, descending, then rule number).
    private static IEnumerable<RunRule> Sorted(IEnumerable<RunRule> rules, string? column, bool descending)
    {
        if (column is null or nameof(RunRule.Lift))
        {
            var byLift = rules.OrderByDescending(r => r.Lift).ThenByDescending(r => r.Confidence).ThenBy(r => r.RuleNo).ToList();
            if (column is not null && !descending)
                byLift.Reverse();
            return byLift;
        }
        Func<RunRule, double> key = column switch
        {
            nameof(RunRule.Confidence) => r => r.Confidence,
            nameof(RunRule.Support) => r => r.Support,
            nameof(RunRule.Count) => r => r.Count,
            nameof(RunRule.Leverage) => r => r.Leverage,
            _ => r => r.Conviction,
        };
        return descending ? rules.OrderByDescending(key).ThenBy(r => r.RuleNo) : rules.OrderBy(key).ThenBy(r => r.RuleNo);
    }
}
