using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BitmernSolo.Stratum.Crypto;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BitmernSolo.Bench.FakeNode;

/// <summary>
/// A tiny bitcoind stand-in on loopback: JSON-RPC 1.0 over HTTP (any credentials) answering getblocktemplate (with long
/// polling: a call carrying the current longpollid waits for the next tip), getbestblockhash, getblockcount, getblockhash
/// (of the tip), getblockchaininfo, getnetworkinfo, validateaddress (always valid), decoderawtransaction (a stub) and submitblock (counted, answered null). <c>POST /tip</c> or <see cref="NewTip"/> moves the tip.
/// </summary>
internal sealed class FakeBitcoinNode : IAsyncDisposable
{
    private readonly MainnetLikeTemplate _template;
    private readonly Lock _gate = new();
    private WebApplication? _app;
    private Tip _tip;
    private TaskCompletionSource _nextTip = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _submitted;

    public FakeBitcoinNode(int transactionCount)
    {
        _template = new MainnetLikeTemplate(transactionCount);
        _tip = NewTipState(870_000);
    }

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    public int SubmittedBlocks => Volatile.Read(ref _submitted);

    public MainnetLikeTemplate Template => _template;

    /// <summary>The current tip's hash in display order (what mining.notify's prevhash is derived from).</summary>
    public Hash256 BestBlockHash
    {
        get
        {
            lock (_gate)
            {
                return _tip.Hash;
            }
        }
    }

    public async Task StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        _app = builder.Build();
        _app.MapPost("/", HandleAsync);
        _app.MapPost("/tip", () => NewTip().ToDisplayHex());
        await _app.StartAsync().ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
    }

    /// <summary>Raised when a new tip is triggered (diagnostics: the GC log marks it).</summary>
    public event Action? TipTriggered;

    /// <summary>A new block on the network: new previous hash and height; waiting long polls return the new template.</summary>
    public Hash256 NewTip()
    {
        TipTriggered?.Invoke();
        TaskCompletionSource released;
        Hash256 hash;
        lock (_gate)
        {
            _tip = NewTipState(_tip.Height + 1);
            hash = _tip.Hash;
            released = _nextTip;
            _nextTip = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        released.TrySetResult();
        return hash;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Tip NewTipState(long height)
    {
        var hash = new byte[32];
        RandomNumberGenerator.Fill(hash);
        hash[31] = hash[30] = hash[29] = 0; // leading zeros in display order, like a real block hash
        var tip = Hash256.FromInternalBytes(hash);
        return new Tip(tip, height, height.ToString(CultureInfo.InvariantCulture) + tip.ToDisplayHex()[..16]);
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var root = request.RootElement;
        var method = root.TryGetProperty("method", out var m) ? m.GetString() : null;
        var id = root.TryGetProperty("id", out var i) ? i.GetRawText() : "null";
        Tip tip;
        Task nextTip;
        lock (_gate)
        {
            (tip, nextTip) = (_tip, _nextTip.Task);
        }

        string result;
        switch (method)
        {
            case "getblocktemplate":
                if (root.TryGetProperty("params", out var p) && p.GetArrayLength() > 0 && p[0].TryGetProperty("longpollid", out var lp)
                    && lp.GetString() == tip.LongPollId)
                {
                    await Task.WhenAny(nextTip, Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted)).ConfigureAwait(false);
                    lock (_gate)
                    {
                        tip = _tip;
                    }
                }

                await WriteTemplateAsync(context, _template.ResultUtf8(tip.Hash, tip.Height, DateTimeOffset.UtcNow.ToUnixTimeSeconds(), tip.LongPollId), id).ConfigureAwait(false);
                return;
            case "getbestblockhash":
                result = $"\"{tip.Hash.ToDisplayHex()}\"";
                break;
            case "getblockchaininfo":
                result = string.Create(CultureInfo.InvariantCulture, $"{{\"chain\":\"main\",\"blocks\":{tip.Height - 1},\"headers\":{tip.Height - 1},\"bestblockhash\":\"{tip.Hash.ToDisplayHex()}\",\"difficulty\":1.0e14,\"verificationprogress\":0.9999,\"initialblockdownload\":false}}");
                break;
            case "getnetworkinfo":
                result = "{\"version\":280000,\"subversion\":\"/Satoshi:28.0.0/\",\"connections\":10}";
                break;
            case "getblockcount":
                result = (tip.Height - 1).ToString(CultureInfo.InvariantCulture);
                break;
            case "getblockhash":
                result = $"\"{tip.Hash.ToDisplayHex()}\"";
                break;
            case "validateaddress":
                // ckpool validates its users' addresses through the node; the pool under test does its own checks.
                result = "{\"isvalid\":true,\"isscript\":false,\"iswitness\":false}";
                break;
            case "decoderawtransaction":
                // ckpool checks its first coinbase through the node and stops when the call fails; any decoded object will do.
                result = "{\"version\":1,\"vin\":[],\"vout\":[]}";
                break;
            case "submitblock":
                Interlocked.Increment(ref _submitted);
                result = "null";
                break;
            default:
                context.Response.StatusCode = 404;
                await WriteAsync(context, $"{{\"result\":null,\"error\":{{\"code\":-32601,\"message\":\"Method not found\"}},\"id\":{id}}}").ConfigureAwait(false);
                return;
        }

        await WriteAsync(context, $"{{\"result\":{result},\"error\":null,\"id\":{id}}}").ConfigureAwait(false);
    }

    /// <summary>The template's answer in parts, with its length (as bitcoind sends it), the transactions from the cached bytes.</summary>
    private static async Task WriteTemplateAsync(HttpContext context, (byte[] Head, ReadOnlyMemory<byte> Transactions, byte[] Tail) result, string id)
    {
        var open = "{\"result\":"u8.ToArray();
        // bitcoind ends every reply with a newline (JSONRPCReply), and ckpool reads the body as a line: without it, it waits.
        var close = Encoding.UTF8.GetBytes($",\"error\":null,\"id\":{id}}}\n");
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = open.Length + result.Head.Length + result.Transactions.Length + result.Tail.Length + close.Length;
        foreach (var part in (ReadOnlyMemory<byte>[])[open, result.Head, result.Transactions, result.Tail, close])
        {
            await context.Response.Body.WriteAsync(part).ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(HttpContext context, string body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body)).AsTask();
    }

    private readonly record struct Tip(Hash256 Hash, long Height, string LongPollId);
}
