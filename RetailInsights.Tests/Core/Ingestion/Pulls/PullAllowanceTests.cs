using System.Net;
using RetailInsights.Core.Ingestion.Pulls;

namespace RetailInsights.Tests.Core.Ingestion.Pulls;

[Trait("Tier", "unit")]
public sealed class PullAllowanceTests
{
    private static string? Refusal(PullAllowance allowance, string? host, string address) => allowance.Refusal(host, IPAddress.Parse(address));

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1 is a loopback address; pulls reach only public addresses unless Pulls:AllowedHosts lists it")]
    [InlineData("::1", "::1 is a loopback address; pulls reach only public addresses unless Pulls:AllowedHosts lists it")]
    [InlineData("::ffff:127.0.0.1", "::ffff:127.0.0.1 (127.0.0.1) is a loopback address; pulls reach only public addresses unless Pulls:AllowedHosts lists it")]
    [InlineData("10.1.2.3", "10.1.2.3 is a private address; pulls reach only public addresses unless Pulls:AllowedHosts lists it or Pulls:AllowPrivateNetworks is on")]
    [InlineData("169.254.169.254", "169.254.169.254 is a cloud metadata address; pulls reach only public addresses unless Pulls:AllowedHosts lists this address itself")]
    [InlineData("fe80::1", "fe80::1 is a link-local address; pulls reach only public addresses unless Pulls:AllowedHosts lists it")]
    public void ByDefault_onlyPublicAddressesAreReached_andARefusalSaysWhatToSet(string address, string message)
    {
        Assert.Equal(message, Refusal(PullAllowance.PublicOnly, null, address));
        Assert.Null(Refusal(PullAllowance.PublicOnly, null, "93.184.215.14"));
        Assert.Null(Refusal(PullAllowance.PublicOnly, "api.shop.example", "2a00:1450:4001:82a::200e"));
    }

    [Fact]
    public void AResolvedName_isNamedWithTheAddressItResolvedTo() =>
        Assert.Equal("api.shop.example resolves to 127.0.0.1, a loopback address; pulls reach only public addresses unless Pulls:AllowedHosts lists it",
            Refusal(PullAllowance.PublicOnly, "api.shop.example", "127.0.0.1"));

    [Fact]
    public void AnAddressOrRange_opensWhatItCovers_mappedIpv6Included_andNothingElse()
    {
        var allowance = PullAllowance.Parse(["127.0.0.1", "10.20.0.0/16; 169.254.169.254", "fd12::/16"], allowPrivateNetworks: false);

        Assert.Null(Refusal(allowance, null, "127.0.0.1"));
        Assert.Null(Refusal(allowance, "anything.example", "::ffff:127.0.0.1"));
        Assert.Null(Refusal(allowance, null, "10.20.3.4"));
        Assert.Null(Refusal(allowance, null, "169.254.169.254"));
        Assert.Null(Refusal(allowance, null, "fd12::5"));
        Assert.NotNull(Refusal(allowance, null, "127.0.0.2"));
        Assert.NotNull(Refusal(allowance, null, "::1"));
        Assert.NotNull(Refusal(allowance, null, "10.21.0.1"));
        Assert.NotNull(Refusal(allowance, null, "169.254.169.253"));
    }

    [Fact]
    public void AHostName_opensTheInternalAddressesItResolvesTo_butNeverMetadataMulticastOrUnspecified()
    {
        var allowance = PullAllowance.Parse(["ERP.shop.local."], allowPrivateNetworks: false);

        Assert.Null(Refusal(allowance, "erp.shop.local", "10.0.0.5"));
        Assert.Null(Refusal(allowance, "erp.shop.local", "127.0.0.1"));
        Assert.Null(Refusal(allowance, "erp.shop.local", "fe80::1"));
        Assert.Contains("a cloud metadata address", Refusal(allowance, "erp.shop.local", "169.254.169.254"));
        Assert.Contains("an unspecified address", Refusal(allowance, "erp.shop.local", "0.0.0.0"));
        Assert.Contains("a multicast address", Refusal(allowance, "erp.shop.local", "224.0.0.1"));
        // The name opens its own resolutions, not the address typed in a URL, nor another name resolving there.
        Assert.NotNull(Refusal(allowance, null, "10.0.0.5"));
        Assert.NotNull(Refusal(allowance, "evil.example", "10.0.0.5"));
    }

    [Fact]
    public void AllowPrivateNetworks_opensPrivateAndSharedRanges_notLoopbackLinkLocalOrMetadata()
    {
        var allowance = PullAllowance.Parse([], allowPrivateNetworks: true);

        foreach (var open in new[] { "10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1", "fd00::1", "::ffff:192.168.0.1" })
            Assert.Null(Refusal(allowance, "erp.shop.local", open));
        foreach (var closed in new[] { "127.0.0.1", "::1", "169.254.169.254", "fd00:ec2::254", "169.254.1.1", "fe80::1", "0.0.0.0" })
            Assert.NotNull(Refusal(allowance, "erp.shop.local", closed));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.1/8")]
    [InlineData("*")]
    [InlineData("http://erp.shop.local")]
    [InlineData("erp.shop.local:8080")]
    public void Parse_refusesAnEntryThatIsNoHostAddressOrRange_namingIt(string entry) =>
        Assert.Contains($"'{entry}' is not a host name", Assert.Throws<FormatException>(() => PullAllowance.Parse(["127.0.0.1", entry], false)).Message);

    [Fact]
    public void Split_takesEntriesSeparatedAsAspNetsAllowedHostsAre() =>
        Assert.Equal(["127.0.0.1", "erp.local", "10.0.0.0/8", "::1"], PullAllowance.Split(" 127.0.0.1;erp.local , 10.0.0.0/8 ::1;"));
}
