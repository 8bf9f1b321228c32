using System.Threading.Channels;
using BitmernSolo.Stratum.Crypto;
using NetMQ;
using NetMQ.Sockets;

namespace BitmernSolo.Stratum.Daemons;

/// <summary>
/// Subscribes to a daemon's ZMQ <c>hashblock</c> publisher (<c>-zmqpubhashblock=tcp://…</c>) and hands every announced
/// block hash to <paramref name="onBlock"/>. The socket lives on its own thread (NetMQ sockets are single-threaded);
/// a bounded queue between it and the handler keeps only the newest hashes when the handler is slow.
/// </summary>
public sealed class ZmqBlockNotifier(string address, Func<Hash256, CancellationToken, Task> onBlock)
{
    /// <summary>The topic Core's <c>zmqpublishnotifier.cpp</c> uses for block hashes.</summary>
    public const string Topic = "hashblock";

    private static readonly TimeSpan ReceivePoll = TimeSpan.FromMilliseconds(200);
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Address { get; } = address ?? throw new ArgumentNullException(nameof(address));

    /// <summary>Completes once the socket is connected and subscribed (the publisher may still be starting).</summary>
    public Task Subscribed => _subscribed.Task;

    /// <summary>The block handler threw (raised on the handler's task); the next hash is handled as usual.</summary>
    public event Action<Exception>? HandlerFailed;

    /// <summary>A message that is not a <c>hashblock</c> notification was dropped, with why (raised on the socket thread).</summary>
    public event Action<string>? MessageIgnored;

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var hashes = Channel.CreateBounded<Hash256>(new BoundedChannelOptions(8)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        });
        var receiver = Task.Factory.StartNew(() => Receive(hashes.Writer, cancellationToken), cancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await foreach (var hash in hashes.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await onBlock(hash, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    HandlerFailed?.Invoke(e);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        try
        {
            await receiver.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The receiver never started: cancelled before it was scheduled.
        }
    }

    private void Receive(ChannelWriter<Hash256> writer, CancellationToken cancellationToken)
    {
        try
        {
            using var socket = new SubscriberSocket();
            socket.Options.ReceiveHighWatermark = 64;
            socket.Connect(Address);
            socket.Subscribe(Topic);
            _subscribed.TrySetResult();
            var message = new NetMQMessage();
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!socket.TryReceiveMultipartMessage(ReceivePoll, ref message))
                {
                    continue;
                }

                if (Malformed(message) is { } why)
                {
                    MessageIgnored?.Invoke(why);
                }
                else
                {
                    writer.TryWrite(Hash256.FromDisplayHex(Convert.ToHexStringLower(message[1].ToByteArray())));
                }

                message.Clear();
            }
        }
        finally
        {
            _subscribed.TrySetResult();
            writer.TryComplete();
        }
    }

    /// <summary>Why <paramref name="message"/> is not what Core sends: [topic, 32-byte hash in display (RPC) order, 4-byte sequence].</summary>
    private static string? Malformed(NetMQMessage message)
    {
        if (message.FrameCount < 2)
        {
            return $"{message.FrameCount} frame(s), expected topic, hash and sequence";
        }

        // The subscription matches by prefix, so a longer topic ("hashblocktx") gets here too; its text is not echoed.
        if (message[0].ConvertToString() != Topic)
        {
            return $"a {message[0].BufferSize}-byte topic other than '{Topic}'";
        }

        return message[1].BufferSize == 32 ? null : $"a {message[1].BufferSize}-byte hash, expected 32";
    }
}
