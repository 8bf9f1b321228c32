using System.Buffers;
using System.Text;
using BitmernSolo.Stratum.Protocol;

namespace BitmernSolo.Tests.Stratum;

public class LineFramerTests
{
    private const string Message = """{"id":1,"method":"mining.subscribe","params":["cpuminer/2.5.1"]}""";

    public static TheoryData<int> EveryTruncation()
    {
        var data = new TheoryData<int>();
        for (var length = 0; length <= Message.Length; length++)
        {
            data.Add(length);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTruncation))]
    public void ATruncatedMessageIsIncompleteAndConsumesNothing(int length)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(Message[..length]));
        var before = buffer;

        var status = LineFramer.TryReadLine(ref buffer, 8192, out _);

        Assert.Equal(LineReadStatus.Incomplete, status);
        Assert.Equal(before.Length, buffer.Length);
        Assert.Equal(before.Start, buffer.Start);
    }

    [Theory]
    [MemberData(nameof(EveryTruncation))]
    public void AMessageSplitAcrossTwoSegmentsAtAnyPointIsReadWhole(int split)
    {
        var bytes = Encoding.UTF8.GetBytes(Message + "\n");
        var buffer = TwoSegments(bytes, split);

        var status = LineFramer.TryReadLine(ref buffer, 8192, out var line);

        Assert.Equal(LineReadStatus.Line, status);
        Assert.Equal(Message, Encoding.UTF8.GetString(line.ToArray()));
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void TwoLinesInOneBufferAreReadOneAfterTheOtherAndCarriageReturnsAreDropped()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("first\r\nsecond\nthi"));

        Assert.Equal(LineReadStatus.Line, LineFramer.TryReadLine(ref buffer, 100, out var first));
        Assert.Equal(LineReadStatus.Line, LineFramer.TryReadLine(ref buffer, 100, out var second));
        Assert.Equal(LineReadStatus.Incomplete, LineFramer.TryReadLine(ref buffer, 100, out _));

        Assert.Equal("first", Encoding.UTF8.GetString(first.ToArray()));
        Assert.Equal("second", Encoding.UTF8.GetString(second.ToArray()));
        Assert.Equal("thi", Encoding.UTF8.GetString(buffer.ToArray()));
    }

    [Theory]
    [InlineData(16, "0123456789abcdef\n", LineReadStatus.Line)]
    [InlineData(16, "0123456789abcdefg\n", LineReadStatus.TooLong)]
    [InlineData(16, "0123456789abcdefg", LineReadStatus.TooLong)]
    [InlineData(16, "0123456789abcdef", LineReadStatus.Incomplete)]
    public void TheLengthCapIsCheckedBeforeAnyParsingWithOrWithoutATerminator(int cap, string input, LineReadStatus expected)
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(input));

        Assert.Equal(expected, LineFramer.TryReadLine(ref buffer, cap, out _));
    }

    private static ReadOnlySequence<byte> TwoSegments(byte[] bytes, int split)
    {
        var first = new Segment(bytes.AsMemory(0, split));
        var last = first.Append(bytes.AsMemory(split));
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
