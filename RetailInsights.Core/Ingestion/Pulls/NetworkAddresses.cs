using System.Net;
using System.Net.Sockets;

namespace RetailInsights.Core.Ingestion.Pulls;

/// <summary>What an address reaches: anyone's server on the internet, or something only this machine or its network sees.</summary>
public enum AddressKind
{
    Public,
    Loopback,
    LinkLocal,
    Private,
    SharedNat,
    Unspecified,
    Multicast,
    Metadata,
    Reserved,
}

/// <summary>
/// Sorts the addresses a pull may connect to. An IPv6 address that carries an IPv4 one (mapped <c>::ffff:a.b.c.d</c>,
/// the old compatible <c>::a.b.c.d</c>, NAT64 <c>64:ff9b::/96</c>, 6to4 <c>2002::/16</c>) is judged by the IPv4 address:
/// <c>::ffff:127.0.0.1</c> is loopback.
/// </summary>
public static class NetworkAddresses
{
    private static readonly (IPNetwork Network, AddressKind Kind)[] V4 =
    [
        (IPNetwork.Parse("169.254.169.254/32"), AddressKind.Metadata), // AWS, Azure, GCP, Oracle, DigitalOcean…
        (IPNetwork.Parse("0.0.0.0/8"), AddressKind.Unspecified), // "this network": 0.0.0.0 reaches this machine on Linux
        (IPNetwork.Parse("127.0.0.0/8"), AddressKind.Loopback),
        (IPNetwork.Parse("169.254.0.0/16"), AddressKind.LinkLocal),
        (IPNetwork.Parse("10.0.0.0/8"), AddressKind.Private),
        (IPNetwork.Parse("172.16.0.0/12"), AddressKind.Private),
        (IPNetwork.Parse("192.168.0.0/16"), AddressKind.Private),
        (IPNetwork.Parse("100.64.0.0/10"), AddressKind.SharedNat), // carrier-grade NAT; Alibaba's metadata is 100.100.100.200
        (IPNetwork.Parse("224.0.0.0/4"), AddressKind.Multicast),
        (IPNetwork.Parse("240.0.0.0/4"), AddressKind.Reserved), // and 255.255.255.255
        (IPNetwork.Parse("192.0.0.0/24"), AddressKind.Reserved),
        (IPNetwork.Parse("192.0.2.0/24"), AddressKind.Reserved),
        (IPNetwork.Parse("198.18.0.0/15"), AddressKind.Reserved),
        (IPNetwork.Parse("198.51.100.0/24"), AddressKind.Reserved),
        (IPNetwork.Parse("203.0.113.0/24"), AddressKind.Reserved),
    ];

    private static readonly (IPNetwork Network, AddressKind Kind)[] V6 =
    [
        (IPNetwork.Parse("fd00:ec2::254/128"), AddressKind.Metadata), // AWS over IPv6
        (IPNetwork.Parse("::/128"), AddressKind.Unspecified),
        (IPNetwork.Parse("::1/128"), AddressKind.Loopback),
        (IPNetwork.Parse("fe80::/10"), AddressKind.LinkLocal),
        (IPNetwork.Parse("fec0::/10"), AddressKind.Private), // the old site-local
        (IPNetwork.Parse("fc00::/7"), AddressKind.Private), // unique local
        (IPNetwork.Parse("64:ff9b:1::/48"), AddressKind.Private), // NAT64 for local use
        (IPNetwork.Parse("ff00::/8"), AddressKind.Multicast),
        (IPNetwork.Parse("100::/64"), AddressKind.Reserved),
        (IPNetwork.Parse("2001::/32"), AddressKind.Reserved), // Teredo: the IPv4 inside is obfuscated
        (IPNetwork.Parse("2001:db8::/32"), AddressKind.Reserved),
        (IPNetwork.Parse("3fff::/20"), AddressKind.Reserved),
    ];

    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    /// <summary>The IPv4 address an IPv6 address carries, or the address itself.</summary>
    public static IPAddress Unwrap(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address;
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        var compatible = !bytes[..12].ContainsAnyExcept((byte)0) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback);
        if (compatible || Nat64.Contains(address))
            return new IPAddress(bytes[12..]);
        return SixToFour.Contains(address) ? new IPAddress(bytes[2..6]) : address;
    }

    public static AddressKind Classify(IPAddress address)
    {
        var bare = Unwrap(address);
        var v6 = bare.AddressFamily == AddressFamily.InterNetworkV6;
        foreach (var (network, kind) in v6 ? V6 : V4)
            if (network.Contains(bare))
                return kind;
        // Every IPv6 address handed out on the internet is in 2000::/3; the rest is unassigned or special.
        return v6 && !GlobalUnicast.Contains(bare) ? AddressKind.Reserved : AddressKind.Public;
    }

    /// <summary>The kind in words: "a loopback address".</summary>
    public static string Describe(AddressKind kind) => kind switch
    {
        AddressKind.Public => "a public address",
        AddressKind.Loopback => "a loopback address",
        AddressKind.LinkLocal => "a link-local address",
        AddressKind.Private => "a private address",
        AddressKind.SharedNat => "a shared (carrier-grade NAT) address",
        AddressKind.Unspecified => "an unspecified address",
        AddressKind.Multicast => "a multicast address",
        AddressKind.Metadata => "a cloud metadata address",
        _ => "a reserved address",
    };
}
