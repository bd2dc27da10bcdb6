using System.Buffers;
using System.Net;
using Microsoft.Extensions.Options;
using RetailInsights.Core.Ingestion.Pulls;

namespace RetailInsights.Web.Sources.Pulls;

/// <summary>A page's answer as read: its bytes (at most <see cref="PullOptions.MaxPageBytes"/>) and its Link header's next page.</summary>
public sealed record FetchedPage(ReadOnlyMemory<byte> Body, string? LinkNext);

/// <summary>
/// GETs one page of a retailer API with its credentials: a timeout, 408, 429, a 5xx or a lost connection is tried
/// again after a back-off that doubles (or the Retry-After the API asks for, up to a cap); anything else, or the last
/// try, fails the pull with a message that says what to check. Redirects are not followed, so credentials never go to
/// an address nobody saved; an address no admin opened (<see cref="PullConnections"/>) fails the pull at once, untried
/// again; the answer is read up to a limit, never whole into memory first.
/// </summary>
public sealed class EndpointClient(IHttpClientFactory clients, IOptions<PullOptions> options, TimeProvider clock, ILogger<EndpointClient> logger)
{
    public const string HttpClientName = "source-pulls";

    /// <exception cref="PullFailedException">The page could not be had; the message says why.</exception>
    public async Task<FetchedPage> GetAsync(Uri address, EndpointCredentials credentials, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = clients.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            string problem;
            TimeSpan? wait = null;
            // One limit for the headers and the body alike: an answer that trickles in is as late as one that never comes.
            using var requestTime = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            requestTime.CancelAfter(settings.RequestTimeout);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, address);
                request.Headers.Accept.ParseAdd("application/json");
                credentials.Apply(request);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, requestTime.Token);
                if (response.IsSuccessStatusCode)
                    return new FetchedPage(await ReadBoundedAsync(response, settings.MaxPageBytes, requestTime.Token),
                        response.Headers.TryGetValues("Link", out var links) ? ApiPaging.NextFromLinkHeader(links) : null);
                problem = $"{(int)response.StatusCode} {response.ReasonPhrase}";
                if (!IsTransient(response.StatusCode))
                    throw new PullFailedException(Refusal(response, problem));
                wait = RetryAfter(response);
            }
            catch (HttpRequestException e) when (e.InnerException is PullAddressRefusedException refused)
            {
                throw new PullFailedException(refused.Message);
            }
            catch (HttpRequestException e)
            {
                problem = e.Message;
            }
            catch (IOException e)
            {
                problem = $"the answer broke off ({e.Message})";
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                problem = $"no answer within {settings.RequestTimeout.TotalSeconds:0} s";
            }
            if (attempt >= settings.Attempts)
                throw new PullFailedException($"{problem}, {attempt} times: the next scheduled pull tries again");
            var delay = wait ?? Backoff(settings, attempt);
            if (delay > settings.MaxRetryDelay)
                throw new PullFailedException($"{problem}; the API asks to wait {delay.TotalSeconds:0} s (Retry-After), longer than " +
                    $"Pulls:MaxRetryDelay: the next scheduled pull tries again");
            logger.LogInformation("Pull {Address}: {Problem}; trying again in {Delay} ms (try {Attempt} of {Attempts})",
                address.GetLeftPart(UriPartial.Path), problem, (int)delay.TotalMilliseconds, attempt + 1, settings.Attempts);
            await Task.Delay(delay, clock, cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static TimeSpan Backoff(PullOptions settings, int attempt)
    {
        var delay = settings.RetryDelay * Math.Pow(2, attempt - 1);
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var gap && gap > TimeSpan.Zero ? gap : TimeSpan.Zero,
        _ => null,
    };

    private static string Refusal(HttpResponseMessage response, string problem) => response.StatusCode switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            $"the API refused the credentials ({problem}): check the authentication on the Sources page",
        HttpStatusCode.NotFound => $"the API has no such address ({problem}): check the base URL",
        >= HttpStatusCode.MultipleChoices and < HttpStatusCode.BadRequest =>
            $"the API redirects ({problem}) to {response.Headers.Location}: save that address as the base URL if it is the API's own",
        _ => $"the API refused the request ({problem}): check the endpoint's settings",
    };

    private static async Task<ReadOnlyMemory<byte>> ReadBoundedAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
            throw new PullFailedException($"a page of {response.Content.Headers.ContentLength:N0} bytes is over Pulls:MaxPageBytes " +
                $"({maxBytes:N0}): ask for smaller pages");
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var body = new ArrayBufferWriter<byte>(16 * 1024);
        int read;
        while ((read = await stream.ReadAsync(body.GetMemory(16 * 1024), cancellationToken)) > 0)
        {
            body.Advance(read);
            if (body.WrittenCount > maxBytes)
                throw new PullFailedException($"a page is over Pulls:MaxPageBytes ({maxBytes:N0} bytes): ask for smaller pages");
        }
        return body.WrittenMemory;
    }
}
