using BenchmarkDotNet.Running;
using BitmernSolo.Bench;

// `--quick`: a few seconds, no BenchmarkDotNet (CI smoke). Anything else goes to BenchmarkDotNet, e.g. `--filter '*'`.
if (args.Contains("--quick"))
{
    return QuickRun.Run(Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(HashingBenchmarks).Assembly).Run(args);
return 0;
