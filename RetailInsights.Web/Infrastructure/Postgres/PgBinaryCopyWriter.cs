using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace RetailInsights.Web.Infrastructure.Postgres;

/// <summary>
/// Writes rows of PostgreSQL's binary COPY format straight into a raw COPY stream: for the sales table and the
/// summaries' totals, where Npgsql's importer spent about a third of the client's time per line on binding each value.
/// Only the types those need, encoded as PostgreSQL's <c>*_recv</c> functions read them (big-endian, timestamps in microseconds since
/// 2000-01-01, numerics in base-10000 digits). The server still checks every value against its column.
/// </summary>
internal sealed class PgBinaryCopyWriter : IDisposable
{
    /// <summary>"PGCOPY\n\xff\r\n\0", the 0xff a byte of its own (a UTF-8 literal would encode it in two).</summary>
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', 0x0A, 0xFF, 0x0D, 0x0A, 0x00];
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1).Ticks;

    private readonly NpgsqlRawCopyStream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private bool _completed;

    private PgBinaryCopyWriter(NpgsqlRawCopyStream stream)
    {
        _stream = stream;
        Signature.CopyTo(_buffer, 0);
        // Flags, then the length of the header extension: both none.
        _length = Signature.Length + 8;
    }

    /// <param name="copyCommand">A <c>COPY … FROM STDIN (FORMAT BINARY)</c>.</param>
    public static PgBinaryCopyWriter Begin(NpgsqlConnection connection, string copyCommand) => new(connection.BeginRawBinaryCopy(copyCommand));

    public void StartRow(short fieldCount) => BinaryPrimitives.WriteInt16BigEndian(Span(2), fieldCount);

    public void Null() => BinaryPrimitives.WriteInt32BigEndian(Span(4), -1);

    public void Int32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Span(4), 4);
        BinaryPrimitives.WriteInt32BigEndian(Span(4), value);
    }

    public void Int64(long value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Span(4), 8);
        BinaryPrimitives.WriteInt64BigEndian(Span(8), value);
    }

    public void Boolean(bool value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Span(4), 1);
        Span(1)[0] = value ? (byte)1 : (byte)0;
    }

    /// <summary>A <c>timestamp</c> (without time zone): the wall-clock time as given.</summary>
    public void Timestamp(DateTime value) => Int64((value.Ticks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);

    public void Int16(short value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Span(4), 2);
        BinaryPrimitives.WriteInt16BigEndian(Span(2), value);
    }

    /// <summary>An <c>integer[]</c> of one dimension (or none, when empty), without nulls; any length.</summary>
    public void Int32Array(ReadOnlySpan<int> values)
    {
        const int Int4Oid = 23;
        var dimensions = values.IsEmpty ? 0 : 1;
        BinaryPrimitives.WriteInt32BigEndian(Span(4), 12 + 8 * dimensions + 8 * values.Length);
        BinaryPrimitives.WriteInt32BigEndian(Span(4), dimensions);
        BinaryPrimitives.WriteInt32BigEndian(Span(4), 0);
        BinaryPrimitives.WriteInt32BigEndian(Span(4), Int4Oid);
        if (dimensions == 1)
        {
            BinaryPrimitives.WriteInt32BigEndian(Span(4), values.Length);
            BinaryPrimitives.WriteInt32BigEndian(Span(4), 1);
        }
        foreach (var value in values)
            Int32(value);
    }

    public void Text(string value)
    {
        if (value.Length > ShortText)
        {
            var encoded = Encoding.UTF8.GetBytes(value);
            BinaryPrimitives.WriteInt32BigEndian(Span(4), encoded.Length);
            for (var offset = 0; offset < encoded.Length; offset += ShortText)
                encoded.AsSpan(offset, Math.Min(ShortText, encoded.Length - offset)).CopyTo(Span(Math.Min(ShortText, encoded.Length - offset)));
            return;
        }
        Ensure(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), length);
        _length += 4 + length;
    }

    /// <summary>Text up to this many characters is encoded in place; longer text in pieces of this many bytes.</summary>
    private const int ShortText = 4096;

    /// <summary>
    /// A <c>numeric</c>: base-10000 digits aligned on the decimal point, most significant first, without leading or
    /// trailing zero digits; the display scale is the decimal's own.
    /// </summary>
    public void Numeric(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        // Pad the fraction to whole base-10000 digits.
        var fractionDigits = (scale + 3) / 4;
        for (var i = scale; i < fractionDigits * 4; i++)
            mantissa *= 10;
        Span<short> digits = stackalloc short[10];
        var count = 0;
        var trailingZeros = 0;
        while (mantissa != 0)
        {
            var digit = (short)(ushort)(mantissa % 10000);
            mantissa /= 10000;
            if (count == 0 && digit == 0)
            {
                // Trailing zero digits carry no value; they only move where the first kept digit sits.
                trailingZeros++;
                continue;
            }
            digits[count++] = digit;
        }
        var weight = count == 0 ? 0 : count + trailingZeros - 1 - fractionDigits;
        BinaryPrimitives.WriteInt32BigEndian(Span(4), 8 + 2 * count);
        BinaryPrimitives.WriteInt16BigEndian(Span(2), (short)count);
        BinaryPrimitives.WriteInt16BigEndian(Span(2), (short)weight);
        BinaryPrimitives.WriteInt16BigEndian(Span(2), negative && count > 0 ? (short)0x4000 : (short)0);
        BinaryPrimitives.WriteInt16BigEndian(Span(2), (short)scale);
        for (var i = count - 1; i >= 0; i--)
            BinaryPrimitives.WriteInt16BigEndian(Span(2), digits[i]);
    }

    /// <summary>Ends the data and waits for the server to take it.</summary>
    /// <exception cref="PostgresException">A value or row the table refused; nothing of the COPY is then in.</exception>
    public void Complete()
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(Span(2), -1);
        Flush();
        _completed = true;
        _stream.Dispose();
    }

    /// <summary>A writer disposed without <see cref="Complete"/> cancels its COPY: none of its rows go in.</summary>
    public void Dispose()
    {
        if (_completed)
            return;
        _completed = true;
        try
        {
            _stream.Cancel();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.QueryCanceled)
        {
            // What the server answers to a cancelled COPY.
        }
        _stream.Dispose();
    }

    private Span<byte> Span(int length)
    {
        Ensure(length);
        var span = _buffer.AsSpan(_length, length);
        _length += length;
        return span;
    }

    /// <summary>Room for <paramref name="length"/> more bytes (never more than a short text's most).</summary>
    private void Ensure(int length)
    {
        if (_length + length > _buffer.Length)
            Flush();
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }
}
