using System.Security.Cryptography;

namespace RetailInsights.Web.Ingestion;

/// <summary>
/// A file being written to the staging folder, hashed and measured as it goes and cut off past the upload limit; it
/// is removed when disposed before <see cref="CompleteAsync"/>, so an interrupted write leaves nothing behind.
/// </summary>
public sealed class StagingFile : IAsyncDisposable
{
    public const int ChunkSize = 128 * 1024;

    private readonly FileStream _target;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly string _originalName;
    private readonly long _maxBytes;
    private bool _completed;

    internal StagingFile(string path, string originalName, long maxBytes)
    {
        Path = path;
        _originalName = originalName;
        _maxBytes = maxBytes;
        _target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, ChunkSize, useAsync: true);
    }

    public string Path { get; }

    public long Length { get; private set; }

    /// <summary>How many more bytes the upload limit allows.</summary>
    public long Room => _maxBytes - Length;

    /// <exception cref="UploadTooLargeException">The file would pass the upload limit.</exception>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (Length + bytes.Length > _maxBytes)
            throw new UploadTooLargeException(_originalName, _maxBytes);
        _hash.AppendData(bytes.Span);
        await _target.WriteAsync(bytes, cancellationToken);
        Length += bytes.Length;
    }

    public async Task<StagedFile> CompleteAsync()
    {
        await _target.FlushAsync();
        await _target.DisposeAsync();
        _completed = true;
        return new StagedFile(Path, System.IO.Path.GetFileName(_originalName), Length, Convert.ToHexStringLower(_hash.GetHashAndReset()));
    }

    public async ValueTask DisposeAsync()
    {
        await _target.DisposeAsync();
        _hash.Dispose();
        if (!_completed)
            File.Delete(Path);
    }
}
