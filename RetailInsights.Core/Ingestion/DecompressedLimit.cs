namespace RetailInsights.Core.Ingestion;

/// <summary>
/// Reads a decompressing stream and refuses the file as soon as it has produced more than a set number of bytes: a
/// small gzip can expand a thousandfold, so the upload limit on compressed bytes alone bounds nothing.
/// </summary>
internal sealed class DecompressedLimit(Stream inner, long maxBytes, string fileName) : Stream
{
    private long _read;

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    private int Count(int read)
    {
        _read += read;
        if (_read > maxBytes)
            throw new FileRefusedException(
                $"{fileName} decompresses to more than {maxBytes / (1024 * 1024):N0} MB, the limit for one file " +
                "(Ingestion:MaxDecompressedBytes). Nothing was loaded; split it into smaller files.");
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
