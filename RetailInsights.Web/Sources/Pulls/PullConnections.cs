using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using RetailInsights.Core.Ingestion.Pulls;

namespace RetailInsights.Web.Sources.Pulls;

/// <summary>A pull's host resolves only to addresses no admin opened; nothing was connected to.</summary>
public sealed class PullAddressRefusedException(string message) : Exception(message);

/// <summary>
/// Opens every connection of a pull (<see cref="SocketsHttpHandler.ConnectCallback"/>): resolves the host itself, keeps
/// the addresses <see cref="PullAllowance"/> lets through and connects only to those. The check is on the address
/// actually connected to, so a name that resolves to a public address when saved and to 127.0.0.1 at pull time (DNS
/// rebinding) is refused, on every page and every new connection alike. A refused address is never connected to:
/// the answer is the same whether something listens there or not.
/// </summary>
public sealed class PullConnections(IOptionsMonitor<PullOptions> options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.TrimStart('[').TrimEnd(']');
        var literal = IPAddress.TryParse(host, out var address);
        var addresses = literal ? [address!] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowance = options.CurrentValue.Allowance();
        string? refusal = null;
        var allowed = new List<IPAddress>(addresses.Length);
        foreach (var candidate in addresses)
        {
            if (allowance.Refusal(literal ? null : host, candidate) is { } why)
                refusal ??= why;
            else
                allowed.Add(candidate);
        }
        if (allowed.Count == 0)
            throw new PullAddressRefusedException(refusal ?? $"{host} has no address");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync([.. allowed], context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
