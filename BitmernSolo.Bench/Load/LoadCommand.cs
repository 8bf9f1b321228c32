using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using BitmernSolo.Bench.FakeNode;
using BitmernSolo.Bench.Regtest;
using BitmernSolo.Stratum.Daemons;

namespace BitmernSolo.Bench.Load;

/// <summary>
/// The load modes. <c>node</c>: the fake node alone (for another pool, e.g. ckpool). <c>serve</c>: fake node + pool, prints <c>READY pool=… node=… pid=…</c> and runs until stdin closes.
/// <c>load</c>: drives a pool elsewhere (<c>--pool ip:port --node url</c>, a new block = <c>POST url/tip</c>; or
/// <c>--peer-rpc url</c>, a new block = <c>generatetoaddress</c> on that node, e.g. the peer of <c>litecoind</c>).
/// <c>litecoind</c>: a real <c>litecoind -regtest</c> pair (<see cref="LitecoindPair"/>), prints <c>READY rpc=… peer-rpc=…</c>, runs until stdin closes.
/// <c>run</c>: <c>serve</c> in a child process (so the pool's RSS is its own) and <c>load</c> against it.
/// <c>quick-load</c>: everything in this process, small N, a few seconds (CI; asserts nothing).
/// </summary>
internal static class LoadCommand
{
    public static readonly LoadOptions QuickDefaults = new()
    {
        Connections = 50, FanOuts = 2, SubmitConnections = 10, InFlight = 4, SubmitDuration = TimeSpan.FromSeconds(2), Addresses = 5,
    };

    public static async Task<int> RunAsync(string mode, string[] args, TextWriter output)
    {
        var transactions = int.Parse(Value(args, "--transactions") ?? "3000", CultureInfo.InvariantCulture);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BitmernSolo load '{mode}', {Environment.ProcessorCount} CPUs, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadReport.LoadAverage()}, args: {string.Join(' ', args)}"));
        switch (mode)
        {
            case "node":
            {
                await using var node = new FakeBitcoinNode(transactions);
                await node.StartAsync(int.Parse(Value(args, "--port") ?? "0", CultureInfo.InvariantCulture)).ConfigureAwait(false);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"READY node={node.Url} pid={Environment.ProcessId}"));
                await output.FlushAsync().ConfigureAwait(false);
                await Console.In.ReadToEndAsync().ConfigureAwait(false);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"node: {node.SubmittedBlocks} blocks submitted"));
                return 0;
            }

            case "litecoind":
            {
                if (LitecoindPair.Unavailable is { } reason)
                {
                    output.WriteLine(reason);
                    return 2;
                }

                await using var pair = await LitecoindPair.StartAsync(CancellationToken.None).ConfigureAwait(false);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"READY {pair} pid={Environment.ProcessId} height={LitecoindPair.StartHeight}"));
                await output.FlushAsync().ConfigureAwait(false);

                // Until stdin closes, or Ctrl+C / kill: either way the nodes are stopped and their directories deleted.
                var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; signalled.TrySetResult(); });
                using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; signalled.TrySetResult(); });
                await Task.WhenAny(Task.Run(Console.In.ReadToEnd), signalled.Task).ConfigureAwait(false); // Console.In reads synchronously
                return 0;
            }

            case "serve":
                return await ServeAsync(transactions, int.Parse(Value(args, "--port") ?? "0", CultureInfo.InvariantCulture), args.Contains("--inline-scheduling"), output).ConfigureAwait(false);
            case "load":
            {
                using var http = new HttpClient();
                var options = LoadOptions.Parse(args, new LoadOptions());
                var result = await LoadGenerator.RunAsync(options, NewBlockTrigger(args, http), output).ConfigureAwait(false);
                LoadReport.Print(output, options, result);
                return 0;
            }
            case "run":
                return await RunWithChildAsync(args, transactions, output).ConfigureAwait(false);
            default:
            {
                var options = LoadOptions.Parse(args, QuickDefaults) with { PoolProcessId = Environment.ProcessId };
                var result = await QuickAsync(options, transactions, output).ConfigureAwait(false);
                LoadReport.Print(output, options, result);
                return 0;
            }
        }
    }

    /// <summary>Fake node and pool in this process, then the load: what the quick mode and the test run.</summary>
    public static async Task<LoadResult> QuickAsync(LoadOptions options, int transactions, TextWriter log)
    {
        await using var node = new FakeBitcoinNode(transactions);
        await node.StartAsync().ConfigureAwait(false);
        await using var pool = new BenchPoolHost();
        await pool.StartAsync(node.Url).ConfigureAwait(false);
        return await LoadGenerator.RunAsync(options with { Pool = new IPEndPoint(IPAddress.Loopback, pool.Port) }, () =>
        {
            node.NewTip();
            return Task.CompletedTask;
        }, log).ConfigureAwait(false);
    }

    private static async Task<int> ServeAsync(int transactions, int port, bool inlineScheduling, TextWriter output)
    {
        await using var node = new FakeBitcoinNode(transactions);
        await node.StartAsync().ConfigureAwait(false);
        await using var pool = new BenchPoolHost();
        await pool.StartAsync(node.Url, port, inlineScheduling).ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"READY pool=127.0.0.1:{pool.Port} node={node.Url} pid={Environment.ProcessId} template={node.Template.TransactionCount} transactions, {node.Template.TotalBytes} bytes"));
        await output.FlushAsync().ConfigureAwait(false);
        // Kestrel's memory pool (blocks it keeps for socket reads and writes) is part of the managed heap: report it apart.
        long pooled = 0;
        using var meters = new System.Diagnostics.Metrics.MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.MemoryPool" && instrument.Name == "aspnetcore.memory_pool.pooled")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref pooled, value));
        meters.Start();
        using var gcLog = Environment.GetEnvironmentVariable("BENCH_GC_LOG") == "1" ? StartGcLog(node) : null;

        // Until the parent closes stdin; "heap" asks for the live managed heap (after a full, compacting GC).
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } command)
        {
            if (command == "heap")
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"HEAP {GC.GetTotalMemory(forceFullCollection: true)} pooled={Interlocked.Read(ref pooled)}"));
                await output.FlushAsync().ConfigureAwait(false);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"serve: {node.SubmittedBlocks} blocks submitted"));
        return 0;
    }

    /// <summary>Diagnostics (BENCH_GC_LOG=1): every collection seen by a 5 ms poll, to standard error.</summary>
    private static Timer StartGcLog(FakeBitcoinNode node)
    {
        long last = -1;
        var started = Stopwatch.GetTimestamp();
        node.TipTriggered += () => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"TIP t={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0}ms allocated {GC.GetTotalAllocatedBytes() / 1048576}MiB"));
        return new Timer(_ =>
        {
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            if (info.Index == last)
            {
                return;
            }

            last = info.Index;
            var pause = info.PauseDurations.Length > 0 ? info.PauseDurations[0].TotalMilliseconds : 0;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"GC t={Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0}ms #{info.Index} gen{info.Generation} {(info.Concurrent ? "bg" : "blocking")} {(info.Compacted ? "compact" : "")} pause {pause:F1}ms heap {info.HeapSizeBytes / 1048576}MiB promoted {info.PromotedBytes / 1048576}MiB allocated {GC.GetTotalAllocatedBytes() / 1048576}MiB"));
        }, null, 5, 5);
    }

    private static async Task<int> RunWithChildAsync(string[] args, int transactions, TextWriter output)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(LoadCommand).Assembly.Location);
        }

        foreach (var arg in (string[])["serve", "--transactions", transactions.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(arg);
        }

        if (args.Contains("--inline-scheduling"))
        {
            start.ArgumentList.Add("--inline-scheduling");
        }

        if (Value(args, "--server-gc") is { } serverGc)
        {
            start.Environment["DOTNET_gcServer"] = serverGc;
        }

        // A setting for the load generator's sockets (see BENCHMARKS.md) is not the pool's.
        start.Environment.Remove("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS");

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Cannot start the pool process.");
        try
        {
            string? line;
            while ((line = await child.StandardOutput.ReadLineAsync().ConfigureAwait(false)) is not null && !line.StartsWith("READY", StringComparison.Ordinal))
            {
            }

            if (line is null)
            {
                throw new InvalidOperationException("The pool process exited before it was ready.");
            }

            output.WriteLine(line);
            var fields = line.Split(' ').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
            await Task.Delay(1000).ConfigureAwait(false); // let the pool settle before the idle RSS is read
            using var http = new HttpClient();
            var node = new Uri(fields["node"]);
            var options = LoadOptions.Parse(args, new LoadOptions()) with
            {
                Pool = IPEndPoint.Parse(fields["pool"]),
                PoolProcessId = int.Parse(fields["pid"], CultureInfo.InvariantCulture),
            };
            var result = await LoadGenerator.RunAsync(options, () => http.PostAsync(new Uri(node, "tip"), null), output, async () =>
            {
                await child.StandardInput.WriteLineAsync("heap").ConfigureAwait(false);
                await child.StandardInput.FlushAsync().ConfigureAwait(false);
                while (await child.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } answer)
                {
                    if (answer.StartsWith("HEAP ", StringComparison.Ordinal))
                    {
                        output.WriteLine("  pool " + answer);
                        return long.Parse(answer.Split(' ')[1], CultureInfo.InvariantCulture);
                    }
                }

                throw new InvalidOperationException("The pool process exited.");
            }).ConfigureAwait(false);
            LoadReport.Print(output, options, result);
            return 0;
        }
        finally
        {
            child.StandardInput.Close();
            if (!child.WaitForExit(10_000))
            {
                child.Kill();
            }
        }
    }

    /// <summary>The fake node's <c>POST /tip</c> (<c>--node</c>), or a block mined on a real node (<c>--peer-rpc</c>, <c>--rpc-user</c>, <c>--rpc-password</c>).</summary>
    private static Func<Task> NewBlockTrigger(string[] args, HttpClient http)
    {
        if (Value(args, "--peer-rpc") is { } peer)
        {
            var rpc = new DaemonRpcClient(http, new DaemonEndpoint(new Uri(peer), Value(args, "--rpc-user") ?? LitecoindNode.RpcUser, Value(args, "--rpc-password") ?? LitecoindNode.RpcPassword));
            return () => rpc.CallAsync("generatetoaddress", [JsonValue.Create(1), JsonValue.Create(LitecoindPair.PeerAddress)]);
        }

        var node = new Uri(Value(args, "--node") ?? throw new ArgumentException("--node url (the fake node) or --peer-rpc url (a real node) is required"));
        return () => http.PostAsync(new Uri(node, "tip"), null);
    }

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
