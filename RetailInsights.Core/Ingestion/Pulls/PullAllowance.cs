using System.Net;

namespace RetailInsights.Core.Ingestion.Pulls;

/// <summary>
/// Which addresses a pull may connect to. Public ones always; the rest only as an admin opened them: an address or CIDR
/// range in <c>Pulls:AllowedHosts</c> opens whatever it covers (even a metadata address, named on purpose); a host name
/// there opens the loopback, private, link-local and reserved addresses it resolves to (never metadata, multicast or
/// unspecified ones, which a name could be pointed at later); <c>Pulls:AllowPrivateNetworks</c> opens the private and
/// carrier-grade NAT ranges, for systems on the site's own network.
/// </summary>
public sealed class PullAllowance
{
    private const string Setting = "Pulls:AllowedHosts";

    private readonly HashSet<string> _names;
    private readonly IPNetwork[] _networks;
    private readonly bool _privateNetworks;

    private PullAllowance(HashSet<string> names, IPNetwork[] networks, bool privateNetworks) =>
        (_names, _networks, _privateNetworks) = (names, networks, privateNetworks);

    public static readonly PullAllowance PublicOnly = new([], [], false);

    /// <summary>The entries of one setting's value: separated by ';', ',' or spaces, as ASP.NET's own AllowedHosts is.</summary>
    public static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split([';', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <exception cref="FormatException">An entry is neither a host name nor an address nor a CIDR range; the message names it.</exception>
    public static PullAllowance Parse(IEnumerable<string> entries, bool allowPrivateNetworks)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var networks = new List<IPNetwork>();
        foreach (var entry in entries.SelectMany(Split))
        {
            if (Network(entry) is { } network)
                networks.Add(network);
            else if (Uri.CheckHostName(entry.TrimEnd('.')) == UriHostNameType.Dns)
                names.Add(entry.TrimEnd('.'));
            else
                throw new FormatException($"{Setting}: '{entry}' is not a host name, an IP address or a CIDR range (e.g. erp.shop.local, 10.20.0.5, 10.20.0.0/16).");
        }
        return new PullAllowance(names, [.. networks], allowPrivateNetworks);
    }

    /// <summary>Why a pull may not connect to <paramref name="address"/>, or null when it may.</summary>
    /// <param name="host">The URL's host name the address was resolved from; null when the URL names the address itself.</param>
    public string? Refusal(string? host, IPAddress address)
    {
        var bare = NetworkAddresses.Unwrap(address);
        var kind = NetworkAddresses.Classify(bare);
        if (kind == AddressKind.Public || _networks.Any(n => n.Contains(bare)))
            return null;
        if (host is not null && _names.Contains(host.TrimEnd('.'))
                             && kind is not (AddressKind.Metadata or AddressKind.Multicast or AddressKind.Unspecified))
            return null;
        if (_privateNetworks && kind is AddressKind.Private or AddressKind.SharedNat)
            return null;
        var shown = bare.Equals(address) ? $"{address}" : $"{address} ({bare})";
        var what = host is null ? $"{shown} is {NetworkAddresses.Describe(kind)}" : $"{host} resolves to {shown}, {NetworkAddresses.Describe(kind)}";
        return $"{what}; pulls reach only public addresses unless {Setting} lists " + kind switch
        {
            AddressKind.Private or AddressKind.SharedNat => "it or Pulls:AllowPrivateNetworks is on",
            AddressKind.Metadata or AddressKind.Multicast or AddressKind.Unspecified => "this address itself",
            _ => "it",
        };
    }

    private static IPNetwork? Network(string entry)
    {
        if (IPAddress.TryParse(entry, out var address))
        {
            var bare = NetworkAddresses.Unwrap(address);
            return new IPNetwork(bare, bare.GetAddressBytes().Length * 8);
        }
        // 10.0.0.1/8 would open all of 10/8: a range is written from its own start, so that what is opened is what is read.
        return entry.IndexOf('/') is > 0 and var slash && IPNetwork.TryParse(entry, out var network)
               && IPAddress.TryParse(entry.AsSpan(0, slash), out var start) && start.Equals(network.BaseAddress)
            ? network : null;
    }
}
