using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using BitmernSolo.Stratum.Jobs;
using BitmernSolo.Stratum.Protocol;
using BitmernSolo.Stratum.Shares;
using BitmernSolo.Stratum.Targets;

namespace BitmernSolo.Stratum.Server;

/// <summary>Request dispatch and the handshake: subscribe, authorize, configure (BIP310), suggest_difficulty, extranonce.subscribe.</summary>
internal sealed partial class StratumSession
{
    private const int MaxAddressLength = 128;
    private readonly List<string> _authorized = [];
    private bool _subscribed;
    private bool _workStarted;
    private bool _extranonceSubscribed;
    private bool _suggested;
    private uint _versionMask;
    private string _address = string.Empty;
    private ReadOnlyMemory<byte> _payoutScript;
    private WorkerShareStats? _stats;
    private IMiningJob? _lastJob;
    private double _difficulty;
    private double _previousDifficulty;
    private DateTimeOffset _difficultyChangedAt;
    private Target _shareTarget;
    private Target _previousTarget;

    /// <summary>Whether the client asked for <c>mining.set_extranonce</c> (extranonce1 never changes during a session today).</summary>
    public bool ExtranonceSubscribed => _extranonceSubscribed;

    /// <summary>Called by the pool for each published job; sends this session's job if it changed.</summary>
    public void OnNewWork(bool cleanJobs)
    {
        lock (_lock)
        {
            if (!_workStarted || _closing)
            {
                return;
            }

            var job = _pool.CurrentJobFor(_payoutScript);
            if (job is null || ReferenceEquals(job, _lastJob))
            {
                return;
            }

            if (cleanJobs)
            {
                _duplicates.Clear();
            }

            _lastJob = job;
            Send(PreparedNotify.Of(job).For(cleanJobs));
        }
    }

    private async ValueTask<bool> HandleLineAsync(ReadOnlySequence<byte> line)
    {
        if (!StratumRequestParser.TryParse(line, out var request))
        {
            lock (_lock)
            {
                _lastActivity = _pool.Time.GetUtcNow();
                Send(_writer.Error(default, StratumError.Other, "Invalid JSON-RPC request"));
            }

            return ++_invalidMessages <= _options.MaxInvalidMessages;
        }

        if (request.Method == StratumMethods.Submit)
        {
            return await HandleSubmitAsync(request).ConfigureAwait(false);
        }

        lock (_lock)
        {
            _lastActivity = _pool.Time.GetUtcNow();
            switch (request.Method)
            {
                case StratumMethods.Subscribe: Subscribe(request); break;
                case StratumMethods.Authorize: Authorize(request); break;
                case StratumMethods.Configure: Configure(request); break;
                case StratumMethods.SuggestDifficulty: SuggestDifficulty(request); break;
                case StratumMethods.ExtranonceSubscribe:
                    _extranonceSubscribed = true;
                    Send(_writer.Result(request.Id, true));
                    break;
                default:
                    Send(_writer.Error(request.Id, StratumError.Other, "Unknown method"));
                    break;
            }
        }

        return true;
    }

    private void Subscribe(StratumRequest request)
    {
        if (request.Params.ValueKind is not (JsonValueKind.Array or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            Send(_writer.Error(request.Id, StratumError.Other, "Invalid params"));
            return;
        }

        _subscribed = true;
        var extranonce1 = _extranonce1Hex;
        var extranonce2Size = _options.Extranonce2Size;
        Send(_writer.Result(request.Id, w =>
        {
            w.WriteStartArray();
            w.WriteStartArray();
            w.WriteStartArray();
            w.WriteStringValue(StratumMethods.SetDifficulty);
            w.WriteStringValue(extranonce1);
            w.WriteEndArray();
            w.WriteStartArray();
            w.WriteStringValue(StratumMethods.Notify);
            w.WriteStringValue(extranonce1);
            w.WriteEndArray();
            w.WriteEndArray();
            w.WriteStringValue(extranonce1);
            w.WriteNumberValue(extranonce2Size);
            w.WriteEndArray();
        }));
        StartWorkIfReady();
    }

    private void Authorize(StratumRequest request)
    {
        var p = request.Params;
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 1 || p[0].ValueKind != JsonValueKind.String)
        {
            Send(_writer.Error(request.Id, StratumError.Other, "Invalid params"));
            return;
        }

        var user = p[0].GetString()!;
        var password = p.GetArrayLength() > 1 && p[1].ValueKind == JsonValueKind.String ? p[1].GetString()! : string.Empty;
        if (WorkerName.Check(user, MaxAddressLength, _options.MaxWorkerNameLength) is { } badName)
        {
            Send(_writer.Error(request.Id, StratumError.UnauthorizedWorker, badName));
            return;
        }

        var (address, worker) = WorkerName.Split(user);
        if (_authorized.Count > 0 && address != _address)
        {
            Send(_writer.Error(request.Id, StratumError.UnauthorizedWorker, "One payout address per connection"));
            return;
        }

        if (_authorized.Count == 0)
        {
            var validation = _pool.AddressValidator.Validate(address);
            if (!validation.IsValid)
            {
                Send(_writer.Error(request.Id, StratumError.UnauthorizedWorker, validation.Reason ?? "Invalid address"));
                return;
            }

            _address = address;
            _payoutScript = validation.Script;
            _stats = _pool.Shares.For(new WorkerKey(_pool.Settings.PoolId, address, worker));
            RestoreDifficulty(user, password);
        }

        if (!_authorized.Contains(user))
        {
            if (_authorized.Count >= _options.MaxWorkersPerConnection)
            {
                Send(_writer.Error(request.Id, StratumError.UnauthorizedWorker, "Too many workers on one connection"));
                return;
            }

            _authorized.Add(user);
        }

        Send(_writer.Result(request.Id, true));
        StartWorkIfReady();
    }

    /// <summary>Password option <c>d=N</c> fixes the difficulty; otherwise the worker's remembered one (unless it suggested one).</summary>
    private void RestoreDifficulty(string user, string password)
    {
        var now = _pool.Time.GetUtcNow();
        foreach (var option in password.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (option.StartsWith("d=", StringComparison.OrdinalIgnoreCase)
                && double.TryParse(option.AsSpan(2), NumberStyles.Float, CultureInfo.InvariantCulture, out var fixedDifficulty)
                && double.IsFinite(fixedDifficulty) && fixedDifficulty > 0)
            {
                _varDiff.Reset(fixedDifficulty, now, isFixed: true);
                SyncDifficulty(now);
                return;
            }
        }

        if (!_suggested && _pool.Difficulties.TryGetLast(_pool.Settings.PoolId, user, out var remembered)
            && double.IsFinite(remembered) && remembered > 0)
        {
            _varDiff.Reset(remembered, now);
            SyncDifficulty(now);
        }
    }

    private void Configure(StratumRequest request)
    {
        var p = request.Params;
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 1 || p[0].ValueKind != JsonValueKind.Array
            || (p.GetArrayLength() > 1 && p[1].ValueKind is not (JsonValueKind.Object or JsonValueKind.Null)))
        {
            Send(_writer.Error(request.Id, StratumError.Other, "Invalid params"));
            return;
        }

        var parameters = p.GetArrayLength() > 1 && p[1].ValueKind == JsonValueKind.Object ? p[1] : default;
        var now = _pool.Time.GetUtcNow();
        var grantedMask = 0u;
        var grantVersionRolling = false;
        double? minimumDifficulty = null;
        var extensions = p[0];
        foreach (var extension in extensions.EnumerateArray())
        {
            if (extension.ValueKind != JsonValueKind.String)
            {
                Send(_writer.Error(request.Id, StratumError.Other, "Invalid params"));
                return;
            }
        }

        if (Contains(extensions, "version-rolling"))
        {
            var requested = uint.MaxValue;
            if (TryProperty(parameters, "version-rolling.mask", out var mask)
                && (mask.ValueKind != JsonValueKind.String
                    || !uint.TryParse(mask.GetString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out requested)))
            {
                Send(_writer.Error(request.Id, StratumError.Other, "Invalid version-rolling.mask"));
                return;
            }

            var minBits = TryProperty(parameters, "version-rolling.min-bit-count", out var bits) && bits.TryGetInt32(out var b) ? b : 0;
            grantedMask = _options.VersionRollingMask & requested;
            grantVersionRolling = grantedMask != 0 && BitOperations.PopCount(grantedMask) >= minBits;
            _versionMask = grantVersionRolling ? grantedMask : 0;
        }

        if (Contains(extensions, "minimum-difficulty")
            && TryProperty(parameters, "minimum-difficulty.value", out var min) && min.TryGetDouble(out var m) && m > 0 && double.IsFinite(m))
        {
            minimumDifficulty = m;
            _varDiff.RaiseMinimum(m, now);
            SyncDifficulty(now);
        }

        Send(_writer.Result(request.Id, w =>
        {
            w.WriteStartObject();
            foreach (var extension in extensions.EnumerateArray())
            {
                var name = extension.GetString()!;
                switch (name)
                {
                    case "version-rolling":
                        w.WriteBoolean(name, grantVersionRolling);
                        if (grantVersionRolling)
                        {
                            w.WriteString("version-rolling.mask", grantedMask.ToString("x8", CultureInfo.InvariantCulture));
                        }

                        break;
                    case "minimum-difficulty":
                        w.WriteBoolean(name, minimumDifficulty is not null);
                        break;
                    case "subscribe-extranonce":
                        w.WriteBoolean(name, true);
                        break;
                    default:
                        w.WriteBoolean(name, false); // BIP310: unknown extensions are answered false
                        break;
                }
            }

            w.WriteEndObject();
        }));
    }

    private void SuggestDifficulty(StratumRequest request)
    {
        var p = request.Params;
        var value = p.ValueKind == JsonValueKind.Array && p.GetArrayLength() > 0 ? p[0] : p;
        if (!TryReadPositiveNumber(value, out var suggested))
        {
            Send(_writer.Error(request.Id, StratumError.Other, "Invalid difficulty"));
            return;
        }

        Send(_writer.Result(request.Id, true));
        if (_varDiff.IsFixed)
        {
            return;
        }

        var now = _pool.Time.GetUtcNow();
        _suggested = true;
        _varDiff.Reset(suggested, now);
        SyncDifficulty(now);
    }

    /// <summary>set_difficulty and the session's job, once subscribed and authorized (the job depends on the payout script).</summary>
    private void StartWorkIfReady()
    {
        if (_workStarted || !_subscribed || _authorized.Count == 0)
        {
            return;
        }

        _workStarted = true;
        Send(_writer.SetDifficulty(_difficulty));
        var job = _pool.CurrentJobFor(_payoutScript);
        if (job is not null)
        {
            _lastJob = job;
            Send(PreparedNotify.Of(job).Clean);
        }
    }

    /// <summary>Applies VarDiff's current difficulty: new share target, previous kept for the grace period, announced and remembered.</summary>
    private void SyncDifficulty(DateTimeOffset now)
    {
        var next = _varDiff.Current;
        if (next.Equals(_difficulty))
        {
            return;
        }

        _previousDifficulty = _difficulty;
        _previousTarget = _shareTarget;
        _difficultyChangedAt = now;
        _difficulty = next;
        _shareTarget = Target.FromDifficulty(next, _pool.Settings.ShareMultiplier);
        if (_workStarted)
        {
            Send(_writer.SetDifficulty(next));
        }

        if (_authorized.Count > 0)
        {
            _pool.Difficulties.Remember(_pool.Settings.PoolId, _authorized[0], next);
        }
    }

    private static bool Contains(JsonElement names, string name)
    {
        foreach (var item in names.EnumerateArray())
        {
            if (item.ValueEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryProperty(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        return obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value);
    }

    private static bool TryReadPositiveNumber(JsonElement value, out double number)
    {
        number = 0;
        var ok = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDouble(out number),
            JsonValueKind.String => double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
        return ok && double.IsFinite(number) && number > 0;
    }
}
