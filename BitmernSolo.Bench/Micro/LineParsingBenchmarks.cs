using System.Buffers;
using BenchmarkDotNet.Attributes;
using BitmernSolo.Stratum.Protocol;

namespace BitmernSolo.Bench.Micro;

/// <summary>What every submit costs before any hashing: frame the line from the pipe's buffer, parse the JSON-RPC request.</summary>
[MemoryDiagnoser]
public class LineParsingBenchmarks
{
    private readonly ReadOnlySequence<byte> _submit = new(
        "{\"id\":4711,\"method\":\"mining.submit\",\"params\":[\"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4.bitaxe\",\"1a2b\",\"0000002a\",\"6720a1b3\",\"9f3c11e0\",\"00a4e000\"]}\n"u8.ToArray());

    [Benchmark]
    public bool FrameSubmitLine()
    {
        var buffer = _submit;
        return LineFramer.TryReadLine(ref buffer, 8192, out _) == LineReadStatus.Line;
    }

    [Benchmark]
    public bool FrameAndParseSubmit()
    {
        var buffer = _submit;
        LineFramer.TryReadLine(ref buffer, 8192, out var line);
        return StratumRequestParser.TryParse(line, out _);
    }
}
