using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BitmernSolo.Stratum.Crypto;
using BitmernSolo.Stratum.Templates;

namespace BitmernSolo.Stratum.Daemons;

/// <summary>
/// JSON-RPC 1.0 over HTTP to a Bitcoin-family daemon (the dialect Core's <c>httprpc.cpp</c> speaks: errors come back
/// as HTTP 500 with an <c>error</c> object). Every failure surfaces as <see cref="DaemonRpcException"/>.
/// The <see cref="HttpClient"/> is the caller's (IHttpClientFactory in the app); its own timeout should be infinite.
/// </summary>
public sealed class DaemonRpcClient
{
    private readonly HttpClient _http;
    private long _nextId;

    public DaemonRpcClient(HttpClient http, DaemonEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        _http = http;
        Endpoint = endpoint;
    }

    public DaemonEndpoint Endpoint { get; }

    /// <summary>Calls <paramref name="method"/> and returns its <c>result</c> (a detached copy).</summary>
    public async Task<JsonElement> CallAsync(string method, IReadOnlyList<JsonNode?> parameters, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(parameters);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? Endpoint.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Url)
        {
            Content = new ByteArrayContent(SerializeRequest(method, parameters, Interlocked.Increment(ref _nextId))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = await GetAuthorizationAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var response = await _http.SendAsync(request, timeoutSource.Token).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new DaemonRpcException(method, DaemonRpcException.Unauthorized, $"the daemon at {Endpoint} refused the RPC credentials (HTTP {(int)response.StatusCode})");
            }

            var body = await response.Content.ReadAsByteArrayAsync(timeoutSource.Token).ConfigureAwait(false);
            return ParseResponse(method, response.StatusCode, body);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DaemonRpcException(method, DaemonRpcException.Unreachable, $"the daemon at {Endpoint} did not answer within {(timeout ?? Endpoint.Timeout).TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", e);
        }
        catch (HttpRequestException e)
        {
            throw new DaemonRpcException(method, DaemonRpcException.Unreachable, $"the daemon at {Endpoint} is unreachable: {e.Message}", e);
        }
    }

    /// <summary>
    /// <c>getblocktemplate</c> with the coin's rules (Litecoin: mweb and segwit), a long poll when <paramref name="longPollId"/>
    /// is given (the call then waits until the template changes), and DigiByte's algorithm argument when given.
    /// </summary>
    public async Task<BlockTemplate> GetBlockTemplateAsync(IReadOnlyList<string> rules, string? longPollId = null, string? algorithm = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var request = new JsonObject
        {
            ["rules"] = new JsonArray([.. rules.Select(r => (JsonNode?)JsonValue.Create(r))]),
        };
        if (longPollId is not null)
        {
            request["longpollid"] = longPollId;
        }

        var parameters = new List<JsonNode?> { request };
        if (algorithm is not null)
        {
            parameters.Add(JsonValue.Create(algorithm));
        }

        var result = await CallAsync("getblocktemplate", parameters, timeout, cancellationToken).ConfigureAwait(false);
        return BlockTemplate.Parse(result);
    }

    /// <summary><c>submitblock</c>: null when the daemon accepted the block, otherwise its reason (e.g. "high-hash", "duplicate").</summary>
    public async Task<string?> SubmitBlockAsync(string blockHex, CancellationToken cancellationToken = default)
    {
        var result = await CallAsync("submitblock", [JsonValue.Create(blockHex)], cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.Null ? null : result.ToString();
    }

    public async Task<Hash256> GetBestBlockHashAsync(CancellationToken cancellationToken = default) =>
        ParseHash("getbestblockhash", await CallAsync("getbestblockhash", [], cancellationToken: cancellationToken).ConfigureAwait(false));

    public async Task<Hash256> GetBlockHashAsync(long height, CancellationToken cancellationToken = default) =>
        ParseHash("getblockhash", await CallAsync("getblockhash", [JsonValue.Create(height)], cancellationToken: cancellationToken).ConfigureAwait(false));

    /// <summary><c>getblock</c> at the given verbosity (0: hex string, 1: txids, 2: decoded transactions).</summary>
    public Task<JsonElement> GetBlockAsync(Hash256 blockHash, int verbosity = 2, CancellationToken cancellationToken = default) =>
        CallAsync("getblock", [JsonValue.Create(blockHash.ToDisplayHex()), JsonValue.Create(verbosity)], cancellationToken: cancellationToken);

    public async Task<BlockchainInfo> GetBlockchainInfoAsync(CancellationToken cancellationToken = default) =>
        Convert("getblockchaininfo", await CallAsync("getblockchaininfo", [], cancellationToken: cancellationToken).ConfigureAwait(false), DaemonJsonContext.Default.BlockchainInfo);

    public async Task<NetworkInfo> GetNetworkInfoAsync(CancellationToken cancellationToken = default) =>
        Convert("getnetworkinfo", await CallAsync("getnetworkinfo", [], cancellationToken: cancellationToken).ConfigureAwait(false), DaemonJsonContext.Default.NetworkInfo);

    public async Task<DaemonAddressInfo> ValidateAddressAsync(string address, CancellationToken cancellationToken = default) =>
        Convert("validateaddress", await CallAsync("validateaddress", [JsonValue.Create(address)], cancellationToken: cancellationToken).ConfigureAwait(false), DaemonJsonContext.Default.DaemonAddressInfo);

    /// <summary><c>getaddressinfo</c> (wallet RPC: needs a loaded wallet).</summary>
    public async Task<DaemonAddressInfo> GetAddressInfoAsync(string address, CancellationToken cancellationToken = default) =>
        Convert("getaddressinfo", await CallAsync("getaddressinfo", [JsonValue.Create(address)], cancellationToken: cancellationToken).ConfigureAwait(false), DaemonJsonContext.Default.DaemonAddressInfo);

    private static byte[] SerializeRequest(string method, IReadOnlyList<JsonNode?> parameters, long id)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "1.0");
            writer.WriteNumber("id", id);
            writer.WriteString("method", method);
            writer.WriteStartArray("params");
            foreach (var parameter in parameters)
            {
                if (parameter is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    parameter.WriteTo(writer);
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private JsonElement ParseResponse(string method, HttpStatusCode status, byte[] body)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var text = Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 200)));
            throw new DaemonRpcException(method, DaemonRpcException.BadResponse, $"the daemon at {Endpoint} answered HTTP {(int)status} with no JSON-RPC response: '{text}'", e);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new DaemonRpcException(method, DaemonRpcException.BadResponse, $"the daemon at {Endpoint} answered a JSON {root.ValueKind}, not a JSON-RPC response");
        }

        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            var code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var value) ? value : DaemonRpcException.BadResponse;
            var message = error.TryGetProperty("message", out var m) ? m.ToString() : "no message";
            throw new DaemonRpcException(method, code, message);
        }

        if (!root.TryGetProperty("result", out var result))
        {
            throw new DaemonRpcException(method, DaemonRpcException.BadResponse, $"the daemon at {Endpoint} answered HTTP {(int)status} without a result");
        }

        return result;
    }

    private async Task<AuthenticationHeaderValue?> GetAuthorizationAsync(CancellationToken cancellationToken)
    {
        string? credentials = null;
        if (Endpoint.CookieFile is { } cookieFile)
        {
            try
            {
                credentials = (await File.ReadAllTextAsync(cookieFile, cancellationToken).ConfigureAwait(false)).Trim();
            }
            catch (IOException e)
            {
                throw new DaemonRpcException("auth", DaemonRpcException.Unauthorized, $"cannot read the daemon's cookie file '{cookieFile}': {e.Message}", e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new DaemonRpcException("auth", DaemonRpcException.Unauthorized, $"cannot read the daemon's cookie file '{cookieFile}': {e.Message}", e);
            }
        }
        else if (Endpoint.User is not null)
        {
            credentials = $"{Endpoint.User}:{Endpoint.Password}";
        }

        return credentials is null ? null : new AuthenticationHeaderValue("Basic", System.Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
    }

    private static Hash256 ParseHash(string method, JsonElement result) =>
        result.ValueKind == JsonValueKind.String && Hash256.TryFromDisplayHex(result.GetString(), out var hash)
            ? hash
            : throw new DaemonRpcException(method, DaemonRpcException.BadResponse, $"expected a block hash, got '{result}'");

    private static T Convert<T>(string method, JsonElement result, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return result.Deserialize(typeInfo) ?? throw new DaemonRpcException(method, DaemonRpcException.BadResponse, "null result");
        }
        catch (JsonException e)
        {
            throw new DaemonRpcException(method, DaemonRpcException.BadResponse, $"unexpected result shape: {e.Message}", e);
        }
    }
}
