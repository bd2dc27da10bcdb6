using System.Buffers.Binary;

namespace RetailInsights.Web.Warehouse;

/// <summary>
/// One summary row's customers, in the bytes PostgreSQL's binary protocol carries an int[] in (<c>array_send</c>): a
/// header of the dimensions, then a length and a big-endian value per id. The summaries keep this next to the id array
/// in a generated column (<c>customer_ids_binary</c>) because making these bytes costs the server work for every id:
/// paid once when a row is written instead of on every read (the figures: docs/benchmarks.md).
/// </summary>
public readonly struct CustomerIdSet
{
    private const int Int4TypeOid = 23;
    private const int HeaderBytes = 20; // dimensions, has-nulls flag, element type; then the one dimension's length and lower bound
    private const int BytesPerId = 8; // the element's length (always 4), then its value

    private readonly byte[] _bytes;

    private CustomerIdSet(byte[] bytes) => _bytes = bytes;

    /// <summary>Reads the bytes of a one-dimensional int[] without nulls, as the summaries store them.</summary>
    public static CustomerIdSet FromBinary(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.Length < 12 || BinaryPrimitives.ReadInt32BigEndian(span[8..]) != Int4TypeOid || BinaryPrimitives.ReadInt32BigEndian(span[4..]) != 0)
            throw new FormatException("not the binary form of an integer array without nulls");
        var dimensions = BinaryPrimitives.ReadInt32BigEndian(span);
        if (dimensions == 0 && span.Length == 12)
            return new CustomerIdSet(bytes);
        if (dimensions != 1 || span.Length < HeaderBytes
            || span.Length != HeaderBytes + (long)BinaryPrimitives.ReadInt32BigEndian(span[12..]) * BytesPerId)
            throw new FormatException("not the binary form of a one-dimensional integer array");
        return new CustomerIdSet(bytes);
    }

    /// <summary>The same bytes for ids held in memory (what <c>array_send</c> returns for them).</summary>
    public static CustomerIdSet Of(IReadOnlyCollection<int> ids)
    {
        if (ids.Count == 0)
            return FromBinary([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Int4TypeOid]);
        var bytes = new byte[HeaderBytes + ids.Count * BytesPerId];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span, 1);
        BinaryPrimitives.WriteInt32BigEndian(span[8..], Int4TypeOid);
        BinaryPrimitives.WriteInt32BigEndian(span[12..], ids.Count);
        BinaryPrimitives.WriteInt32BigEndian(span[16..], 1);
        var offset = HeaderBytes;
        foreach (var id in ids)
        {
            BinaryPrimitives.WriteInt32BigEndian(span[offset..], sizeof(int));
            BinaryPrimitives.WriteInt32BigEndian(span[(offset + sizeof(int))..], id);
            offset += BytesPerId;
        }
        return new CustomerIdSet(bytes);
    }

    /// <summary>The bytes, as the server sends them.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    public int Count => _bytes.Length <= HeaderBytes ? 0 : (_bytes.Length - HeaderBytes) / BytesPerId;

    public int this[int index] => BinaryPrimitives.ReadInt32BigEndian(_bytes.AsSpan(HeaderBytes + index * BytesPerId + sizeof(int)));
}
