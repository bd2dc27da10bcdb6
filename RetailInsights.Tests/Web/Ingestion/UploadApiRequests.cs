using System.Net.Http.Headers;
using System.Net.Http.Json;
using RetailInsights.Web.Ingestion;

namespace RetailInsights.Tests.Web.Ingestion;

/// <summary>What the tests of POST /api/uploads send and how they wait for the load it queued.</summary>
internal static class UploadApiRequests
{
    /// <summary>The upload form: its fields first, then the file.</summary>
    public static MultipartFormDataContent Form(byte[] content, string contentType, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
            form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>Polls the upload's status until its load has ended, or fails the test past <paramref name="within"/>.</summary>
    /// <param name="id">The id an answer gave (null, for another key's upload, fails the test).</param>
    public static async Task<UploadApi.UploadStatusResponse> WaitForFinishAsync(HttpClient client, long? id, TimeSpan within)
    {
        Assert.NotNull(id);
        var deadline = DateTime.UtcNow.Add(within);
        while (true)
        {
            var status = (await client.GetFromJsonAsync<UploadApi.UploadStatusResponse>($"/api/uploads/{id}"))!;
            if (status.Status is "loaded" or "failed" or "refused")
                return status;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Upload #{id} is still {status.Status}");
            await Task.Delay(200);
        }
    }
}
