using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using BitmernSolo.Stratum.Protocol;

namespace BitmernSolo.Stratum.Server;

/// <summary>
/// The send path: a message is written into the transport under the session's lock and flushed there while no flush is
/// pending; behind a pending flush it waits in a bounded queue that <see cref="DrainAsync"/> writes next.
/// </summary>
internal sealed partial class StratumSession
{
    /// <summary>The read loop has answered one read's lines: flush what it wrote (one send for all the answers).</summary>
    private void EndBatch()
    {
        lock (_lock)
        {
            _batching = false;
            FlushUnflushed();
        }
    }

    /// <summary>Flushes what was written without a flush (the read loop's answers so far). Call under <see cref="_lock"/>.</summary>
    private void FlushUnflushed()
    {
        if (_unflushed && !_writerBusy && !_aborted)
        {
            FlushLocked();
        }

        _unflushed = false;
    }

    /// <summary>
    /// Sends a message: written into the transport now when no flush is pending (and flushed, unless the read loop is still
    /// answering the lines of one read), else queued for the pending flush's drain; a full queue means the client does not
    /// read: drop it. Call under <see cref="_lock"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Send(byte[] message, FanOutCountdown? fanOut = null)
    {
        if (_closing)
        {
            fanOut?.Release(); // never to be written: the broadcast must not wait for it
            return;
        }

        if (_writerBusy)
        {
            var queue = _queue ??= new Queue<Outgoing>();
            if (queue.Count >= Math.Max(1, _options.SendQueueCapacity))
            {
                fanOut?.Release();
                Abort();
                return;
            }

            queue.Enqueue(new Outgoing(message, fanOut));
            return;
        }

        WriteLocked(message, null, false, fanOut);
    }

    /// <summary>
    /// Sends a job's notify: serialized straight into the transport when this session is the first to send it and can write
    /// now (a solo miner's own job: nothing kept), else the job's shared bytes through <see cref="Send"/>. Call under
    /// <see cref="_lock"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SendNotify(Jobs.IMiningJob job, bool clean, FanOutCountdown? fanOut = null)
    {
        if (_closing)
        {
            fanOut?.Release(); // never to be written: the broadcast must not wait for it
            return;
        }

        var prepared = PreparedNotify.Of(job);
        if (_writerBusy || !prepared.ClaimFirstUse(clean))
        {
            Send(prepared.For(clean), fanOut);
            return;
        }

        WriteLocked(null, prepared, clean, fanOut);
    }

    /// <summary>
    /// Writes <paramref name="message"/> (or <paramref name="notify"/>'s variant, serialized in place) into the transport; a
    /// transport that refuses it is a dead connection. Then the new tip's notify waits for the flush, which happens now
    /// unless the read loop is batching its answers. Call under <see cref="_lock"/>, with no flush pending.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteLocked(byte[]? message, PreparedNotify? notify, bool clean, FanOutCountdown? fanOut)
    {
        try
        {
            if (message is not null)
            {
                _transport.Output.Write(message);
            }
            else
            {
                notify!.WriteTo(_transport.Output, clean);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or IOException)
        {
            fanOut?.Release();
            Abort();
            return;
        }

        if (fanOut is not null)
        {
            AddWritten(fanOut);
        }

        if (_batching)
        {
            _unflushed = true;
            return;
        }

        FlushLocked();
    }

    /// <summary>
    /// Flushes the transport's writer while no flush is pending. Completed at once (the usual case: the transport takes the
    /// bytes and sends them on its own I/O thread), the notifies in it are released here; else <see cref="DrainAsync"/> awaits
    /// it and owns the writer until the queue is empty. Call under <see cref="_lock"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FlushLocked()
    {
        _unflushed = false;
        ValueTask<FlushResult> flush;
        try
        {
            // No timer per flush: the pool's sweep aborts a session whose flush has been pending longer than the send timeout.
            Volatile.Write(ref _flushStartedAt, _pool.Time.GetTimestamp());
            flush = _transport.Output.FlushAsync();
            if (flush.IsCompleted)
            {
                Volatile.Write(ref _flushStartedAt, 0);
                var result = flush.GetAwaiter().GetResult();
                if (result.IsCompleted || result.IsCanceled)
                {
                    Abort();
                }

                ReleaseWritten();
                return;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            Volatile.Write(ref _flushStartedAt, 0);
            Abort(); // A dead socket.
            ReleaseWritten();
            return;
        }

        _writerBusy = true;
        _drain = DrainAsync(flush);
    }

    /// <summary>
    /// Owns the transport's writer while a flush is pending: awaits it, then writes and flushes what was queued meanwhile, until
    /// a flush leaves nothing queued. Runs only for a client that is behind (or a transport that pushes back).
    /// </summary>
    private async Task DrainAsync(ValueTask<FlushResult> flush)
    {
        try
        {
            while (true)
            {
                var result = await flush.ConfigureAwait(false);
                Volatile.Write(ref _flushStartedAt, 0);
                if (result.IsCompleted || result.IsCanceled)
                {
                    Abort();
                    return;
                }

                lock (_lock)
                {
                    ReleaseWritten();
                    if (_aborted)
                    {
                        return;
                    }

                    if (_queue is not { Count: > 0 } queue)
                    {
                        _writerBusy = false;
                        _drain = null;
                        _queue = null; // rarely needed again: an idle connection holds no queue
                        return;
                    }

                    var output = _transport.Output;
                    while (queue.TryDequeue(out var message))
                    {
                        output.Write(message.Bytes);
                        if (message.FanOut is { } fanOut)
                        {
                            AddWritten(fanOut);
                        }
                    }

                    Volatile.Write(ref _flushStartedAt, _pool.Time.GetTimestamp());
                    flush = output.FlushAsync();
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            Volatile.Write(ref _flushStartedAt, 0);
            Abort(); // A slow reader (send timeout) or a dead socket.
        }
        finally
        {
            if (_aborted)
            {
                lock (_lock)
                {
                    ReleaseUnwrittenLocked(); // will never be written: the broadcast must not wait for them
                }
            }
        }
    }

    /// <summary>A new tip's notify was written into the transport: released once flushed. Call under <see cref="_lock"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddWritten(FanOutCountdown fanOut)
    {
        if (_written is null)
        {
            _written = fanOut;
        }
        else
        {
            (_writtenMore ??= []).Add(fanOut);
        }
    }

    /// <summary>After a flush: the new-tip notifies in it have reached the transport. Call under <see cref="_lock"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReleaseWritten()
    {
        if (_written is { } written)
        {
            _written = null;
            written.Release();
        }

        if (_writtenMore is { Count: > 0 } more)
        {
            foreach (var fanOut in more)
            {
                fanOut.Release();
            }

            more.Clear();
        }
    }

    /// <summary>Once the session has ended: what was written but not flushed, and what was queued, will not be written.</summary>
    private void ReleaseUnwritten()
    {
        lock (_lock)
        {
            ReleaseUnwrittenLocked();
        }
    }

    private void ReleaseUnwrittenLocked()
    {
        ReleaseWritten();
        if (_queue is { } queue)
        {
            while (queue.TryDequeue(out var message))
            {
                message.FanOut?.Release();
            }
        }
    }

    /// <summary>A queued line, and the new-tip broadcast waiting for it to be written when it is that broadcast's notify.</summary>
    private readonly record struct Outgoing(byte[] Bytes, FanOutCountdown? FanOut);

    /// <summary>Called by the pool's send-timeout sweep: drops a client whose socket has not taken our last write in time.</summary>
    public void CheckSendTimeout()
    {
        var started = Volatile.Read(ref _flushStartedAt);
        if (started != 0 && _pool.Time.GetElapsedTime(started) > _options.SendTimeout)
        {
            Abort();
        }
    }
}
