using System.Net;
using System.Net.Sockets;
using BitmernSolo.Bench.Load;

namespace BitmernSolo.Tests.Bench;

/// <summary>
/// The load generator's fan-out clock: bytes read from a real loopback socket come with the kernel's receive time, which lies
/// between sending them and reading them.
/// </summary>
public sealed class KernelReceiveClockTests
{
    [Fact]
    public async Task BytesReadFromALoopbackSocketCarryTheKernelsReceiveTimeBetweenSendingAndReading()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && IntPtr.Size == 8, "kernel receive timestamps (SO_TIMESTAMPNS) are read on 64-bit Linux only");
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        using var reader = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Assert.True(KernelReceiveClock.TryEnable(reader));
        await reader.ConnectAsync(listener.LocalEndPoint!, TestContext.Current.CancellationToken);
        using var writer = await listener.AcceptAsync(TestContext.Current.CancellationToken);
        var buffer = new byte[64];

        Assert.Equal(-1, KernelReceiveClock.Receive(reader, buffer, out var nothingYet)); // nothing waiting: no block, no bytes
        Assert.Equal(0, nothingYet);
        await UntilTheKernelStampsAsync(reader, writer, buffer);

        var beforeSend = KernelReceiveClock.NowNanoseconds();
        await writer.SendAsync("{\"method\":\"mining.notify\"}\n"u8.ToArray(), SocketFlags.None, TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken); // the bytes wait in the socket; the kernel stamped them on arrival
        await reader.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, TestContext.Current.CancellationToken);
        var read = KernelReceiveClock.Receive(reader, buffer, out var receivedAt);
        var afterRead = KernelReceiveClock.NowNanoseconds();

        Assert.Equal("{\"method\":\"mining.notify\"}\n", System.Text.Encoding.ASCII.GetString(buffer, 0, read));
        Assert.InRange(receivedAt, beforeSend - 1_000_000, afterRead); // 1 ms: DateTime.UtcNow's and the kernel's readings of one clock
        Assert.True(afterRead - receivedAt >= 40_000_000, "the timestamp is when the bytes arrived, not when they were read");

        writer.Shutdown(SocketShutdown.Send);
        await reader.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, TestContext.Current.CancellationToken);
        Assert.Equal(0, KernelReceiveClock.Receive(reader, buffer, out _)); // the peer closed
    }

    /// <summary>
    /// The first socket to ask switches stamping on system-wide through deferred work (and the last to close switches it off
    /// again): bytes that arrive before that come unstamped. One byte at a time until one is stamped (at most 10 s).
    /// </summary>
    private static async Task UntilTheKernelStampsAsync(Socket reader, Socket writer, byte[] buffer)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await writer.SendAsync("x"u8.ToArray(), SocketFlags.None, cancellationToken);
            await reader.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, cancellationToken);
            Assert.Equal(1, KernelReceiveClock.Receive(reader, buffer, out var stamped));
            if (stamped != 0)
            {
                return;
            }

            await Task.Delay(50, cancellationToken);
        }

        Assert.Fail("The kernel never stamped received bytes (SO_TIMESTAMPNS) within 10 s.");
    }
}
