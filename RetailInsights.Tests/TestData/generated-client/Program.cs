using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using RetailInsights.Generated;
using RetailInsights.Generated.Models;

// A store system's use of the machine API through the client Kiota generated from the served document, unmodified:
// send a file, follow it to its end, post sales and refunds, and meet a typed error.
var (baseUrl, apiKey, file) = (args[0], args[1], args[2]);
// Kiota's own API-key provider sends a key over https only; on loopback the key rides on the HttpClient instead.
var http = KiotaClientFactory.Create();
http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl };
var client = new RetailInsightsClient(adapter);

var form = new MultipartBody();
form.AddOrReplacePart("kind", "text/plain", "transactions");
form.AddOrReplacePart("file", "text/csv", File.ReadAllBytes(file), Path.GetFileName(file));
var accepted = await client.Api.Uploads.PostAsync(form);
Console.WriteLine($"upload {accepted!.Status}");
UploadStatusResponse status;
var deadline = DateTime.UtcNow.AddMinutes(2);
do
{
    await Task.Delay(200);
    status = (await client.Api.Uploads[accepted.Id!.Value].GetAsync())!;
}
while (status.Status is "queued" or "parsing" or "loading" && DateTime.UtcNow < deadline);
Console.WriteLine($"loaded {status.Status} {status.Accepted}");

var now = DateTimeOffset.UtcNow.AddMinutes(-5);
var sales = await client.Api.Events.Transactions.PostAsync(
    [
        new TransactionEvent { TransactionId = "K-1", ProductId = "P1", StoreId = "S1", CustomerId = "C1", Amount = 2.5, Timestamp = now },
        new TransactionEvent { TransactionId = "K-2", ProductId = "P2", StoreId = "S1", Quantity = 3, UnitPrice = 1.25, Amount = 3.75, Timestamp = now },
    ],
    request => request.QueryParameters.Source = "kiota-till");
Console.WriteLine($"sales {sales!.Received} {sales.Accepted} {sales.Rejected?.Count ?? 0}");
var refunds = await client.Api.Events.Refunds.PostAsync(
    [new RefundEvent { RefundId = "KR-1", OriginalTransactionId = "K-1", ProductId = "P1", StoreId = "S1", RefundAmount = 2.5, Reason = "defective", Timestamp = now.AddMinutes(1) }],
    request => request.QueryParameters.Source = "kiota-till");
Console.WriteLine($"refunds {refunds!.Received} {refunds.Accepted} {refunds.Rejected?.Count ?? 0}");
try
{
    var noFile = new MultipartBody();
    noFile.AddOrReplacePart("kind", "text/plain", "transactions");
    await client.Api.Uploads.PostAsync(noFile);
}
catch (ApiError e)
{
    Console.WriteLine($"refused {e.ResponseStatusCode} {e.Error}");
}
