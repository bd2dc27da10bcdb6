using System.Globalization;
using RetailInsights.Core.Mining;
using RetailInsights.Tests.Support;
using Xunit.Abstractions;

namespace RetailInsights.Tests.Core.Mining;

/// <summary>
/// The redundancy engine against the definition, computed here by a plain nested loop: a rule is redundant when a rule
/// with the same consequent and a proper subset of its antecedent has at least its confidence.
/// </summary>
[Trait("Tier", "unit")]
public sealed class RuleRedundancyTests(ITestOutputHelper output)
{
    private const int GroceriesBaskets = 9_835;

    // Items: 0 bread, 1 butter, 2 milk, 3 jam, 4 tea.
    private static AssociationRule Rule(int[] antecedent, int[] consequent, int count, int antecedentCount) =>
        new(antecedent, consequent, count, antecedentCount, 0, 0, count / (double)antecedentCount, 0, 0, 0);

    [Fact]
    public void Assess_handWorkedRules_flagsThoseAGeneralRuleExplains()
    {
        AssociationRule[] rules =
        [
            Rule([0], [2], 60, 100),          // 0: bread → milk 60%
            Rule([0, 1], [2], 30, 50),        // 1: bread + butter → milk 60%: a tie with rule 0, redundant
            Rule([0, 1, 3], [2], 9, 10),      // 2: 90%, beats every subset: kept
            Rule([1, 3, 4], [2], 5, 10),      // 3: 50%; {1,3} and {1,4} are no rules, but {1} is (below): redundant
            Rule([1], [2], 55, 100),          // 4: butter → milk 55%
            Rule([0, 1], [3], 20, 50),        // 5: another consequent: rule 0 does not count for it; kept
            Rule([4, 0], [2], 59, 100),       // 6: given unsorted; bread (60%) beats 59%: redundant
            Rule([0, 3], [2], 61, 100),       // 7: 61% > 60%: kept
        ];

        var assessment = RuleRedundancy.Assess(rules);

        Assert.Equal([false, true, false, true, false, false, true, false], assessment.Redundant);
        Assert.Equal(0, assessment.GeneralRule[1]);
        Assert.Equal(4, assessment.GeneralRule[3]);
        Assert.Equal(0, assessment.GeneralRule[6]);
        Assert.All([0, 2, 4, 5, 7], kept => Assert.Equal(RuleRedundancy.NoGeneralRule, assessment.GeneralRule[kept]));
        Assert.Equal(3, assessment.RedundantCount);
    }

    [Fact]
    public void Assess_ruleWithAnEmptyAntecedent_isTheMostGeneralOfAll()
    {
        AssociationRule[] rules = [Rule([], [2], 70, 100), Rule([0], [2], 6, 10), Rule([1], [2], 8, 10)];

        var assessment = RuleRedundancy.Assess(rules);

        Assert.Equal([false, true, false], assessment.Redundant);
        Assert.Equal(0, assessment.GeneralRule[1]);
    }

    [Fact]
    public void Assess_exactFractions_tieWhereDoublesWouldNot()
    {
        // 1/3 and 3000001/9000003 are one fraction; the engine compares counts, not rounded quotients.
        AssociationRule[] rules = [Rule([0], [2], 1, 3), Rule([0, 1], [2], 3_000_001, 9_000_003)];

        Assert.True(RuleRedundancy.Assess(rules).Redundant[1]);
    }

    [Fact]
    public void Assess_randomRuleSets_equalTheNestedLoop()
    {
        var random = new Random(20261201);
        for (var round = 0; round < 200; round++)
        {
            var rules = new List<AssociationRule>();
            var seen = new HashSet<string>();
            for (var i = 0; i < random.Next(1, 120); i++)
            {
                var antecedent = Enumerable.Range(0, 7).Where(_ => random.Next(3) == 0).ToArray();
                var consequent = new[] { 7 + random.Next(3) };
                if (!seen.Add(string.Join(",", antecedent) + ">" + consequent[0]))
                    continue;
                var antecedentCount = random.Next(1, 12);
                rules.Add(Rule(antecedent, consequent, random.Next(1, antecedentCount + 1), antecedentCount));
            }

            var assessment = RuleRedundancy.Assess(rules);

            for (var r = 0; r < rules.Count; r++)
            {
                var redundant = rules.Any(s => IsProperGeneralization(s, rules[r]) && Confidence(s) >= Confidence(rules[r]));
                Assert.Equal(redundant, assessment.Redundant[r]);
                if (!redundant)
                    Assert.Equal(RuleRedundancy.NoGeneralRule, assessment.GeneralRule[r]);
                else
                {
                    // The general rule named is one that makes it redundant.
                    var named = rules[assessment.GeneralRule[r]];
                    Assert.True(IsProperGeneralization(named, rules[r]));
                    Assert.True(Confidence(named) >= Confidence(rules[r]));
                }
            }
        }
    }

    private static decimal Confidence(AssociationRule rule) => (decimal)rule.Count / rule.AntecedentCount;

    [Fact]
    public void Assess_groceriesRulesOfArules_equalsTheDefinitionByNestedLoop()
    {
        var reference = GroceriesReference();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] Ids(string[] items) => items.Select(i => ids.TryGetValue(i, out var id) ? id : ids[i] = ids.Count).ToArray();
        var rules = reference.Select(r => new AssociationRule(Ids(r.Lhs), Ids(r.Rhs), r.Count, r.AntecedentCount, 0, r.Support, r.Confidence, r.Lift, 0, 0))
            .ToList();

        // The definition straight from the file's own confidences, rule against every rule of the same right side.
        var sameRhs = Enumerable.Range(0, reference.Count).ToLookup(i => string.Join(",", reference[i].Rhs));
        var expected = new HashSet<int>();
        for (var r = 0; r < reference.Count; r++)
            foreach (var s in sameRhs[string.Join(",", reference[r].Rhs)])
                if (reference[s].Lhs.Length < reference[r].Lhs.Length && reference[s].Lhs.All(reference[r].Lhs.Contains)
                    && reference[s].Confidence >= reference[r].Confidence)
                {
                    expected.Add(r);
                    break;
                }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var assessment = RuleRedundancy.Assess(rules);
        clock.Stop();
        var flagged = Enumerable.Range(0, rules.Count).Where(i => assessment.Redundant[i]).ToHashSet();

        output.WriteLine($"{expected.Count:N0} of {reference.Count:N0} Groceries rules are redundant; the engine took {clock.Elapsed.TotalMilliseconds:F1} ms.");
        Assert.Equal(5_668, reference.Count);
        Assert.Equal(expected.Order(), flagged.Order());
        Assert.Equal(expected.Count, assessment.RedundantCount);
        Assert.InRange(expected.Count, 1, reference.Count - 1);
    }

    [Fact]
    public void Assess_groceriesRulesOfOurMiner_flagTheSameRulesAsArulesFile()
    {
        var baskets = ReferenceRules.Groceries();
        var mined = new FpGrowthMiner().Mine(baskets, new MiningOptions { MinSupport = 0.001, MinConfidence = 0.5, MinLift = null });
        var reference = GroceriesReference();
        var referenceAssessment = RuleRedundancy.Assess(reference.Select((r, i) =>
            new AssociationRule(r.Lhs.Select(Item).ToArray(), r.Rhs.Select(Item).ToArray(), r.Count, r.AntecedentCount, 0, 0, 0, 0, 0, 0)).ToList());
        int Item(string name) => baskets.Items.ToList().IndexOf(name);

        var ours = RuleRedundancy.Assess(mined.Rules);

        string Key(int[] lhs, int[] rhs) => ReferenceRules.Canonical(MiningResult.Describe(baskets.Items, lhs)) + " => " +
                                            ReferenceRules.Canonical(MiningResult.Describe(baskets.Items, rhs));
        var oursRedundant = mined.Rules.Where((_, i) => ours.Redundant[i]).Select(r => Key(r.Antecedent, r.Consequent)).Order().ToList();
        var referenceRedundant = reference.Where((_, i) => referenceAssessment.Redundant[i])
            .Select(r => Key(r.Lhs.Select(Item).Order().ToArray(), r.Rhs.Select(Item).ToArray())).Order().ToList();
        Assert.Equal(5_668, mined.Rules.Count);
        Assert.Equal(referenceRedundant, oursRedundant);
    }

    private static bool IsProperGeneralization(AssociationRule general, AssociationRule rule) =>
        general.Consequent.SequenceEqual(rule.Consequent) && general.Antecedent.Length < rule.Antecedent.Length
        && general.Antecedent.All(rule.Antecedent.Contains);

    private sealed record ReferenceRule(string[] Lhs, string[] Rhs, double Support, double Confidence, double Lift, int Count, int AntecedentCount);

    // arules' file gives coverage (the antecedent's support); its basket count is coverage × 9,835, a whole number.
    private static List<ReferenceRule> GroceriesReference() => SimpleCsv.Read(ReferenceData.Path("groceries", "rules_supp0.001_conf0.5.csv")).Rows
        .Select(r =>
        {
            var coverage = double.Parse(r["coverage"], CultureInfo.InvariantCulture) * GroceriesBaskets;
            var antecedentCount = (int)Math.Round(coverage);
            Assert.Equal(antecedentCount, coverage, 1e-6);
            return new ReferenceRule(Items(r["lhs"]), Items(r["rhs"]), double.Parse(r["support"], CultureInfo.InvariantCulture),
                double.Parse(r["confidence"], CultureInfo.InvariantCulture), double.Parse(r["lift"], CultureInfo.InvariantCulture),
                int.Parse(r["count"], CultureInfo.InvariantCulture), antecedentCount);
        }).ToList();

    private static string[] Items(string braced) => braced.Trim('{', '}').Split(',').Order(StringComparer.Ordinal).ToArray();
}
