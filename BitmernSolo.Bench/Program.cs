using BenchmarkDotNet.Running;
using BitmernSolo.Bench;
using BitmernSolo.Bench.Load;
using BitmernSolo.Bench.Micro;

// `--quick`: a few seconds, no BenchmarkDotNet (CI smoke). `--quick-load`, `serve`, `load`, `run`: stratum load (see
// BENCHMARKS.md). Anything else goes to BenchmarkDotNet, e.g. `--filter '*'`.
if (args.Contains("--quick"))
{
    return QuickRun.Run(Console.Out);
}

if (args.Length > 0 && args[0] is "--quick-load" or "serve" or "load" or "run")
{
    return await LoadCommand.RunAsync(args[0], args[1..], Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(HashingBenchmarks).Assembly).Run(args);
return 0;
