using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace BitmernSolo.Bench.Load;

/// <summary>
/// Reads a TCP socket with the kernel's receive timestamp of what was read (Linux <c>SO_TIMESTAMPNS</c>): the moment the
/// bytes reached the socket, not the moment the load generator's thread got round to them. With the generator and the pool
/// on the same 2 cores, the generator's own backlog of 10,000 connections to read would otherwise count as the pool's
/// fan-out time. Timestamps are CLOCK_REALTIME nanoseconds since the Unix epoch (the kernel's clock for them).
/// </summary>
internal static partial class KernelReceiveClock
{
    private const int SolSocket = 1;
    private const int SoTimestampNs = 35; // SO_TIMESTAMPNS_OLD: struct timespec of two longs on 64-bit Linux
    private const int MsgDontWait = 0x40;
    private const int EAgain = 11;
    private const int EIntr = 4;

    /// <summary>Now, on the clock the kernel stamps received bytes with.</summary>
    public static long NowNanoseconds() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

    /// <summary>Asks the kernel to stamp what this socket receives; false where that is not available (not Linux x64/arm64).</summary>
    public static bool TryEnable(Socket socket)
    {
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8)
        {
            return false;
        }

        try
        {
            socket.SetRawSocketOption(SolSocket, SoTimestampNs, BitConverter.GetBytes(1));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// One non-blocking <c>recvmsg</c> into <paramref name="buffer"/>. Returns the bytes read (0 = the peer closed), or -1 when
    /// nothing is waiting; <paramref name="receivedAt"/> is the kernel's timestamp of the newest segment read, 0 when it
    /// carries none: the kernel switches receive timestamps on for the whole system a moment after the first socket asks
    /// (deferred work), so the first bytes after that may come unstamped.
    /// </summary>
    public static unsafe int Receive(Socket socket, Span<byte> buffer, out long receivedAt)
    {
        receivedAt = 0;
        var control = stackalloc byte[64];
        fixed (byte* data = buffer)
        {
            var vector = new IoVector { Base = data, Length = (nuint)buffer.Length };
            var message = new MessageHeader { Vectors = &vector, VectorCount = 1, Control = control, ControlLength = 64 };
            nint read;
            do
            {
                read = RecvMsg(socket.Handle, &message, MsgDontWait);
            }
            while (read < 0 && Marshal.GetLastPInvokeError() == EIntr);

            if (read < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                return error == EAgain ? -1 : throw new SocketException(error);
            }

            // struct cmsghdr { size_t len; int level; int type; } then the data, 8-byte aligned on 64-bit Linux.
            for (var offset = 0; offset + 16 <= (int)message.ControlLength;)
            {
                var length = (int)*(ulong*)(control + offset);
                if (length < 16)
                {
                    break;
                }

                if (*(int*)(control + offset + 8) == SolSocket && *(int*)(control + offset + 12) == SoTimestampNs && length >= 32)
                {
                    receivedAt = (*(long*)(control + offset + 16) * 1_000_000_000) + *(long*)(control + offset + 24);
                }

                offset += (length + 7) & ~7;
            }

            return (int)read;
        }
    }

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static unsafe partial nint RecvMsg(nint socket, MessageHeader* message, int flags);

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct IoVector
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct MessageHeader
    {
        public void* Name;
        public uint NameLength;
        public IoVector* Vectors;
        public nuint VectorCount;
        public byte* Control;
        public nuint ControlLength;
        public int Flags;
    }
}
