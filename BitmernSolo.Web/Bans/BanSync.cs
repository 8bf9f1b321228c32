using System.Net;
using BitmernSolo.Stratum.Bans;
using BitmernSolo.Stratum.Server;
using BitmernSolo.Web.Components.Pages.Admin;
using BitmernSolo.Web.Data;
using BitmernSolo.Web.Data.Bans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace BitmernSolo.Web.Bans;

/// <summary>
/// Keeps this instance's ban list and the database's <c>Bans</c> table in step: at start-up it loads the unexpired rows
/// (before the stratum listens), then on every <see cref="BanOptions.SyncInterval"/>, and at once when
/// <see cref="BanJournal"/> queues a change, it writes the queued changes in order and reads the table back, which brings in
/// other instances' bans and lifts. A hosted service in every instance, like the heartbeat. A database failure is logged and
/// the next pass tries again with the changes still queued; the stratum keeps checking the list it has.
/// </summary>
public sealed partial class BanSync(
    BanJournal journal,
    IDbContextFactory<ApplicationDbContext> contexts,
    ILiveSessionSource sessions,
    IOptions<BanOptions> options,
    TimeProvider time,
    ILogger<BanSync> logger,
    ConnectionGate? gate = null) : BackgroundService
{
    private const int MaxReasonLength = 256;
    private const int MaxCreatedByLength = 256;
    private static readonly TimeSpan StartupLoadTimeout = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _pass = new(1, 1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (gate is not null)
        {
            gate.AutoBanned += journal.Record;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartupLoadTimeout);
        try
        {
            await SyncAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogStartupLoadSlow(logger); // the first periodic pass tries again
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (gate is not null)
        {
            gate.AutoBanned -= journal.Record;
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // The last changes (a ban made just before shutdown) are written if the database answers.
        if (journal.PendingCount > 0)
        {
            await _pass.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await WriteQueuedAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _pass.Release();
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SyncInterval, time);
        // Each wait is kept until it completes: a new one per pass would pile up waiters on a quiet channel.
        Task<bool>? tick = null;
        Task<bool>? wake = null;
        try
        {
            while (true)
            {
                tick ??= timer.WaitForNextTickAsync(stoppingToken).AsTask();
                wake ??= journal.Wake.WaitToReadAsync(stoppingToken).AsTask();
                if (await Task.WhenAny(tick, wake).ConfigureAwait(false) == tick)
                {
                    if (!await tick.ConfigureAwait(false))
                    {
                        return;
                    }

                    tick = null;
                }
                else
                {
                    await wake.ConfigureAwait(false);
                    wake = null;
                }

                journal.Wake.TryRead(out _);
                await SyncAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; StopAsync writes what is left.
        }
    }

    /// <summary>One pass: write the queued changes, then read the unexpired bans into the list. False when the database failed.</summary>
    public async Task<bool> SyncAsync(CancellationToken cancellationToken)
    {
        // One pass at a time: two writers of one queue could write a ban after its lift.
        await _pass.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pass.Release();
        }
    }

    public override void Dispose()
    {
        _pass.Dispose();
        base.Dispose();
    }

    private async Task<bool> SyncOnceAsync(CancellationToken cancellationToken)
    {
        if (!await WriteQueuedAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            var now = time.GetUtcNow();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var rows = await db.Bans.AsNoTracking().Where(b => b.ExpiresAt == null || b.ExpiresAt > now)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            if (journal.TryApply(rows.Select(ToBan).OfType<IpBan>(), out var added))
            {
                DropSessions(added);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any database failure waits for the next pass.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogReadFailed(logger, e);
            return false;
        }
    }

    private async Task<bool> WriteQueuedAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (journal.TryPeek(out var change))
            {
                await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                var network = change.Range.ToString();
                if (change.Ban is not { } ban)
                {
                    await db.Bans.Where(b => b.Network == network).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var row = await db.Bans.FirstOrDefaultAsync(b => b.Network == network, cancellationToken).ConfigureAwait(false);
                    if (row is null)
                    {
                        row = new IpBanRecord { Network = network, Region = "" };
                        db.Bans.Add(row);
                    }

                    row.Reason = Cut(ban.Reason, MaxReasonLength);
                    row.CreatedBy = Cut(ban.CreatedBy, MaxCreatedByLength);
                    row.Region = ban.Region ?? "";
                    row.CreatedAt = ban.CreatedAt;
                    row.ExpiresAt = ban.Until;
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                }

                journal.Written(change);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any database failure (down, locked, a region inserting the same network) is retried next pass.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogWriteFailed(logger, e, journal.PendingCount);
            return false;
        }
    }

    private void DropSessions(IReadOnlyList<IpBan> added)
    {
        if (added.Count == 0)
        {
            return;
        }

        foreach (var session in sessions.GetSessions())
        {
            if (session.RemoteAddress is { } ip
                && added.Any(ban => ban.Range.Contains(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip)))
            {
                sessions.Disconnect(session.Id);
            }
        }
    }

    /// <summary>Null for a row whose network does not parse (written by hand); it is skipped, not fatal.</summary>
    private static IpBan? ToBan(IpBanRecord row) =>
        IPNetwork.TryParse(row.Network, out var range)
            ? new IpBan(range, row.CreatedAt, row.ExpiresAt, row.Reason) { CreatedBy = row.CreatedBy, Region = row.Region }
            : null;

    private static string? Cut(string? text, int length) => text is { Length: var n } && n > length ? text[..length] : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bans not written to the database ({Pending} change(s) queued); retrying on the next pass.")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int pending);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bans not read from the database; this instance keeps the list it has and retries on the next pass.")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bans not loaded from the database at start-up in time; they arrive with the next pass.")]
    private static partial void LogStartupLoadSlow(ILogger logger);
}
