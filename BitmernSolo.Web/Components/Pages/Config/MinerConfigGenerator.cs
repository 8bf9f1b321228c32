using System.Globalization;
using System.Text;
using BitmernSolo.Web.Configuration;
using BitmernSolo.Web.Formatting;

namespace BitmernSolo.Web.Components.Pages.Config;

/// <summary>
/// Turns (pool, coin, miner model, address, worker) into settings in the miner's own shape. Pure: no I/O, so every brand's
/// output is unit-tested.
/// </summary>
public static class MinerConfigGenerator
{
    public const string Password = "x";

    /// <summary>ESP-Miner keeps the suggested difficulty in a 16-bit NVS value.</summary>
    public const int BitAxeMaxSuggestedDifficulty = ushort.MaxValue;

    /// <summary>Why no model of <paramref name="brand"/> can mine <paramref name="algorithm"/>; null when one can.</summary>
    public static string? BrandCannotMine(MinerBrand brand, MinerAlgorithm algorithm, string coinName)
    {
        if (MinerCatalog.ModelsOf(brand).Any(m => m.Algorithm == algorithm))
        {
            return null;
        }

        return brand switch
        {
            MinerBrand.IceRiver =>
                $"IceRiver's KS line mines Kaspa (kHeavyHash). It cannot mine {coinName} or any other coin on this pool.",
            MinerBrand.Goldshell =>
                $"Goldshell makes no SHA-256 miners, so none of its models can mine {coinName}.",
            _ => $"No {brand.DisplayName()} model mines {algorithm.DisplayName()}, which {coinName} needs.",
        };
    }

    /// <summary>A worker name miners and the stratum both accept: letters, digits, '-' and '_', at most 32 characters.</summary>
    public static string CleanWorker(string? worker)
    {
        var builder = new StringBuilder();
        foreach (var c in worker ?? string.Empty)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            {
                builder.Append(c);
            }
        }

        var clean = builder.ToString();
        return clean.Length > 32 ? clean[..32] : clean;
    }

    /// <summary>
    /// The port whose VarDiff range holds the difficulty at which <paramref name="hashrate"/> meets the port's share time
    /// (difficulty ≈ hashrate × target seconds × multiplier / 2^32); among several, the one whose start is nearest, so VarDiff
    /// has least to do. Plain TCP before TLS: few ASIC firmwares speak TLS.
    /// </summary>
    public static PortChoice? RecommendPort(IReadOnlyList<PortOptions> ports, double hashrate, uint shareMultiplier)
    {
        ArgumentNullException.ThrowIfNull(ports);
        PortChoice? best = null;
        var bestScore = double.MaxValue;
        foreach (var port in ports)
        {
            var ideal = WorkMath.DifficultyFor(hashrate, port.Difficulty.TargetSeconds, shareMultiplier);
            var inRange = ideal >= port.Difficulty.Min && ideal <= port.Difficulty.Max;
            var clamped = Math.Clamp(ideal, port.Difficulty.Min, Math.Max(port.Difficulty.Min, port.Difficulty.Max));
            // Log distances: out-of-range ports rank after every in-range one, TLS after plain TCP.
            var score = (inRange ? 0 : 1000 + Distance(ideal, clamped)) + Distance(ideal, port.Difficulty.Start) + (port.Tls ? 100 : 0);
            if (score < bestScore)
            {
                bestScore = score;
                best = new PortChoice(port, ideal, inRange);
            }
        }

        return best;
    }

    public static MinerConfigResult Generate(MinerConfigRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = request.Model;
        var coinAlgorithm = request.Coin.Algorithm.ToMinerAlgorithm();
        var coinName = request.Coin.Coin.DisplayName;
        if (BrandCannotMine(model.Brand, coinAlgorithm, coinName) is { } brandReason)
        {
            return MinerConfigResult.Unsupported(brandReason);
        }

        if (model.Algorithm != coinAlgorithm)
        {
            return MinerConfigResult.Unsupported(
                $"The {model.Name} mines {model.Algorithm.DisplayName()}; {coinName} needs {coinAlgorithm.DisplayName()}.");
        }

        if (RecommendPort(request.Ports, model.TypicalHashrate, request.Coin.ShareMultiplier) is not { } choice)
        {
            return MinerConfigResult.Unsupported("This pool has no stratum port configured.");
        }

        var worker = CleanWorker(request.Worker);
        var address = request.Address.Trim();
        var user = worker.Length == 0 ? address : address + "." + worker;
        var port = choice.Port;
        var url = StratumUrl(request.StratumHost, port);
        var suggested = SuggestedDifficulty(choice);
        var layout = new MinerConfigLayout(request.StratumHost, port, url, user, suggested, request.Coin.Algorithm);

        var notes = new List<string>();
        if (!choice.InRange)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"No port's difficulty range fits a typical {model.Name} exactly (ideal ≈ {DifficultyText(choice.IdealDifficulty)}); port {port.Port} is the nearest."));
        }

        if (port.Tls)
        {
            notes.Add("This port uses TLS (stratum+ssl://); your firmware must support it.");
        }

        if (address.Length == 0)
        {
            notes.Add("Fill in your payout address: the block reward goes straight to it.");
        }

        var (fields, snippets, brandNotes) = layout.For(model.Brand);
        notes.AddRange(brandNotes);
        return new MinerConfigResult(null, choice, url, user, fields, snippets, notes);
    }

    public static string StratumUrl(string host, PortOptions port)
    {
        ArgumentNullException.ThrowIfNull(port);
        return string.Create(CultureInfo.InvariantCulture, $"{(port.Tls ? "stratum+ssl" : "stratum+tcp")}://{host}:{port.Port}");
    }

    /// <summary>The difficulty to suggest: the ideal one kept inside the port's range, as an integer.</summary>
    public static long SuggestedDifficulty(PortChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var range = choice.Port.Difficulty;
        var clamped = Math.Clamp(choice.IdealDifficulty, range.Min, Math.Max(range.Min, range.Max));
        return Math.Max(1, (long)Math.Round(clamped));
    }

    private static double Distance(double a, double b) =>
        a <= 0 || b <= 0 ? double.MaxValue / 4 : Math.Abs(Math.Log(a / b));

    private static string DifficultyText(double difficulty) => Formatting.DifficultyText.Format(Math.Round(difficulty));
}
