using BenchmarkDotNet.Running;
using BitmernSolo.Bench.Load;
using BitmernSolo.Bench.Micro;

namespace BitmernSolo.Bench;

/// <summary>
/// <c>--quick</c>: a few seconds, no BenchmarkDotNet (CI smoke). <c>--quick-load</c>, <c>node</c>, <c>serve</c>, <c>load</c>, <c>run</c>, <c>litecoind</c>:
/// stratum load (see BENCHMARKS.md). Anything else goes to BenchmarkDotNet, e.g. <c>--filter '*'</c>. A named class rather
/// than top-level statements: the tests see this assembly's internals and already have the Web's <c>Program</c>.
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--quick"))
        {
            return QuickRun.Run(Console.Out);
        }

        if (args.Length > 0 && args[0] is "--quick-load" or "node" or "serve" or "load" or "run" or "litecoind")
        {
            return await LoadCommand.RunAsync(args[0], args[1..], Console.Out).ConfigureAwait(false);
        }

        BenchmarkSwitcher.FromAssembly(typeof(HashingBenchmarks).Assembly).Run(args);
        return 0;
    }
}
