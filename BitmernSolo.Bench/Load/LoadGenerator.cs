using System.Diagnostics;
using System.Globalization;
using BitmernSolo.Stratum.Addresses;

namespace BitmernSolo.Bench.Load;

/// <summary>
/// Drives a pool: connects N BitAxe-like clients at a bounded rate, measures new-block fan-out on the idle connections,
/// then runs closed-loop submits on the first ones. Works against any stratum pool (ours, ckpool) on the given endpoint.
/// </summary>
internal static class LoadGenerator
{
    /// <param name="managedHeap">The pool's live managed heap (after a full GC), when the pool can be asked; read before connecting and once connected.</param>
    public static async Task<LoadResult> RunAsync(LoadOptions options, Func<Task> triggerNewBlock, TextWriter log, Func<Task<long>>? managedHeap = null)
    {
        var clients = new List<StratumLoadClient>(options.Connections);
        var heapIdle = managedHeap is null ? 0 : await managedHeap().ConfigureAwait(false);
        var rssIdle = options.PoolProcessId is { } pid0 ? ProcessMemory.ResidentBytes(pid0) : null;
        try
        {
            await ConnectAllAsync(options, clients, log).ConfigureAwait(false);
            var rssConnected = options.PoolProcessId is { } pid1 ? ProcessMemory.ResidentBytes(pid1) : null;
            var heapConnected = managedHeap is null ? 0 : await managedHeap().ConfigureAwait(false);
            var live = clients.Where(c => c.Ready.IsCompletedSuccessfully).ToList();

            if (options.Settle > TimeSpan.Zero)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  settling {options.Settle.TotalSeconds:F0} s before the first new block"));
                await Task.Delay(options.Settle).ConfigureAwait(false);
            }

            var fanOuts = new List<FanOutResult>();
            for (var i = 0; i < options.FanOuts; i++)
            {
                fanOuts.Add(await FanOutAsync(live, triggerNewBlock, options.PoolProcessId).ConfigureAwait(false));
                log.WriteLine($"  fan-out {i + 1}: reached {fanOuts[^1].Reached}/{fanOuts[^1].Expected}: {fanOuts[^1].Summary()}{CpuNote(fanOuts[^1])}");
                await Task.Delay(500).ConfigureAwait(false);
            }

            var submitters = live.Take(options.SubmitConnections).ToList();
            var (rate, submitted) = await SubmitAsync(options, submitters).ConfigureAwait(false);
            var codes = new SortedDictionary<int, long>();
            foreach (var (code, count) in submitters.SelectMany(c => c.AnswersByCode))
            {
                codes[code] = codes.GetValueOrDefault(code) + count;
            }

            return new LoadResult(live.Count, fanOuts, submitted, codes.Values.Sum(), codes, rate,
                new Percentiles(submitters.SelectMany(c => c.LatencyTicks)), rssIdle, rssConnected)
            {
                ManagedHeapBytes = managedHeap is null ? null : (heapIdle, heapConnected),
            };
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    private static async Task ConnectAllAsync(LoadOptions options, List<StratumLoadClient> clients, TextWriter log)
    {
        var addresses = options.Address is { } fixedAddress ? [fixedAddress] : Enumerable.Range(0, Math.Max(1, options.Addresses)).Select(i => Address(i, options.AddressPrefix)).ToArray();
        var started = Stopwatch.StartNew();
        var pending = new List<Task>();
        for (var i = 0; i < options.Connections; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / options.ConnectRate);
            if (due > started.Elapsed)
            {
                await Task.Delay(due - started.Elapsed).ConfigureAwait(false);
            }

            var client = new StratumLoadClient(string.Create(CultureInfo.InvariantCulture, $"{addresses[i % addresses.Length]}.w{i}"), options.Difficulty, options.Plain);
            clients.Add(client);
            pending.Add(ConnectOneAsync(client, options));
        }

        await Task.WhenAll(pending).ConfigureAwait(false);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  connected {clients.Count(c => c.Ready.IsCompletedSuccessfully)}/{options.Connections} in {started.Elapsed.TotalSeconds:F1} s"));
    }

    private static async Task ConnectOneAsync(StratumLoadClient client, LoadOptions options)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await client.ConnectAsync(options.Pool, timeout.Token).ConfigureAwait(false);
            await client.Ready.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a failed connection is counted, not fatal: the run reports how many made it
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public static string CpuNote(FanOutResult fanOut) =>
        (fanOut.PoolCpuMilliseconds is { } cpu ? string.Create(CultureInfo.InvariantCulture, $"; pool CPU {cpu:F0} ms") : string.Empty) +
        (fanOut.GeneratorCpuMilliseconds is { } own ? string.Create(CultureInfo.InvariantCulture, $", load generator CPU {own:F0} ms") : string.Empty);

    private static async Task<FanOutResult> FanOutAsync(List<StratumLoadClient> clients, Func<Task> triggerNewBlock, int? poolProcessId)
    {
        foreach (var client in clients)
        {
            client.ExpectNewBlock();
        }

        var cpuBefore = poolProcessId is { } pid ? ProcessMemory.CpuMilliseconds(pid) : null;
        // Our own CPU, where the pool is another process: on one machine the generator's receiving competes with the pool's sending.
        var ownPid = poolProcessId is { } other && other != Environment.ProcessId ? Environment.ProcessId : (int?)null;
        var ownBefore = ownPid is { } me ? ProcessMemory.CpuMilliseconds(me) : null;
        var trigger = Stopwatch.GetTimestamp();
        var triggerOnKernelClock = KernelReceiveClock.NowNanoseconds();
        await triggerNewBlock().ConfigureAwait(false);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30) && clients.Any(c => c.NewBlockSeenAt == 0 && !c.Closed))
        {
            await Task.Delay(20).ConfigureAwait(false);
        }

        var cpuAfter = poolProcessId is { } pid2 ? ProcessMemory.CpuMilliseconds(pid2) : null;
        var ownAfter = ownPid is { } me2 ? ProcessMemory.CpuMilliseconds(me2) : null;

        var reached = clients.Where(c => c.NewBlockSeenAt != 0).Select(c => c.NewBlockSeenAt - trigger).ToList();
        var arrived = clients.Where(c => c.NewBlockArrivedAt != 0)
            .Select(c => (long)((c.NewBlockArrivedAt - triggerOnKernelClock) * (Stopwatch.Frequency / 1e9))).ToList();
        return new FanOutResult(reached.Count, clients.Count, new Percentiles(reached))
        {
            PoolCpuMilliseconds = cpuAfter - cpuBefore,
            GeneratorCpuMilliseconds = ownAfter - ownBefore,
            Arrival = clients.Count > 0 && clients.All(c => c.KernelTimestamps) ? new Percentiles(arrived) : null,
        };
    }

    private static async Task<(double Rate, long Submitted)> SubmitAsync(LoadOptions options, List<StratumLoadClient> submitters)
    {
        var started = Stopwatch.StartNew();
        await Task.WhenAll(submitters.Select(c => c.StartSubmittingAsync(options.InFlight))).ConfigureAwait(false);
        await Task.Delay(options.SubmitDuration).ConfigureAwait(false);
        var answeredInWindow = submitters.Sum(c => c.Answered);
        var window = started.Elapsed.TotalSeconds;
        foreach (var client in submitters)
        {
            client.StopSubmitting();
        }

        var drain = Stopwatch.StartNew();
        while (drain.Elapsed < TimeSpan.FromSeconds(10) && submitters.Any(c => c.Outstanding > 0 && !c.Closed))
        {
            await Task.Delay(10).ConfigureAwait(false);
        }

        return (answeredInWindow / window, submitters.Sum(c => c.Submitted));
    }

    /// <summary>A valid P2WPKH address per index (BIP173) with the given prefix, so a run can use many payout scripts.</summary>
    private static string Address(int index, string prefix)
    {
        var program = new byte[20];
        BitConverter.TryWriteBytes(program, index + 1);
        program[19] = 0x5a;
        return SegwitAddress.Encode(prefix, 0, program);
    }
}
