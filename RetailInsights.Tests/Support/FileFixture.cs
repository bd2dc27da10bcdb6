using System.IO.Compression;
using System.Text;
using RetailInsights.Core.Ingestion;

namespace RetailInsights.Tests.Support;

/// <summary>Writes test content to a real file and reads it with the real reader.</summary>
public sealed class FileFixture : IDisposable
{
    public static readonly DateTime Now = new(2025, 8, 1, 12, 0, 0);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ri-read-" + Guid.NewGuid().ToString("N"));

    public FileFixture() => Directory.CreateDirectory(_directory);

    public string Write(string name, string content, Encoding? encoding = null)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content, encoding ?? new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string WriteGzip(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes(content));
        return path;
    }

    public static (UploadFileReader Reader, List<ReadResult<ParsedRow>> Results) Read(string path, ReadOptions? options = null)
    {
        var reader = UploadFileReader.Open(() => File.OpenRead(path), Path.GetFileName(path), options ?? new ReadOptions { Now = Now });
        return (reader, reader.ReadRows().ToList());
    }

    public (UploadFileReader Reader, List<ReadResult<ParsedRow>> Results) ReadText(string content, ReadOptions? options = null) =>
        Read(Write("file-" + Guid.NewGuid().ToString("N")[..8] + ".csv", content), options);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
