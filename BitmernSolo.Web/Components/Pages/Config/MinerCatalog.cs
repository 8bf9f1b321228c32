namespace BitmernSolo.Web.Components.Pages.Config;

/// <summary>The brands the config generator knows, in the order the page lists them.</summary>
public enum MinerBrand
{
    BitAxe,
    Antminer,
    Whatsminer,
    Avalon,
    Goldshell,
    Innosilicon,
    IceRiver,
    CGMiner,
}

/// <summary>What a miner's chips hash. Only SHA-256d and scrypt can mine a coin of this pool.</summary>
public enum MinerAlgorithm
{
    Sha256d,
    Scrypt,
    KHeavyHash,
    Blake2s,
}

/// <summary>A miner model: its brand, its algorithm and a typical stock hashrate in H/s (for the port recommendation).</summary>
public sealed record MinerModel(MinerBrand Brand, string Name, MinerAlgorithm Algorithm, double TypicalHashrate);

/// <summary>
/// The model catalog: data only, one line per model. Hashrates are the makers' stock figures, rounded; they pick a port,
/// not a promise (VarDiff settles the real difficulty within a minute or two).
/// </summary>
public static class MinerCatalog
{
    private const double Giga = 1e9;
    private const double Tera = 1e12;

    public static IReadOnlyList<MinerModel> Models { get; } =
    [
        new(MinerBrand.BitAxe, "BitAxe Ultra (BM1366)", MinerAlgorithm.Sha256d, 0.5 * Tera),
        new(MinerBrand.BitAxe, "BitAxe Supra (BM1368)", MinerAlgorithm.Sha256d, 0.65 * Tera),
        new(MinerBrand.BitAxe, "BitAxe Gamma (BM1370)", MinerAlgorithm.Sha256d, 1.2 * Tera),
        new(MinerBrand.Antminer, "Antminer S19", MinerAlgorithm.Sha256d, 95 * Tera),
        new(MinerBrand.Antminer, "Antminer S19 XP", MinerAlgorithm.Sha256d, 140 * Tera),
        new(MinerBrand.Antminer, "Antminer S21", MinerAlgorithm.Sha256d, 200 * Tera),
        new(MinerBrand.Antminer, "Antminer S21 XP", MinerAlgorithm.Sha256d, 270 * Tera),
        new(MinerBrand.Antminer, "Antminer L7", MinerAlgorithm.Scrypt, 9.5 * Giga),
        new(MinerBrand.Antminer, "Antminer L9", MinerAlgorithm.Scrypt, 16 * Giga),
        new(MinerBrand.Whatsminer, "Whatsminer M50", MinerAlgorithm.Sha256d, 114 * Tera),
        new(MinerBrand.Whatsminer, "Whatsminer M60", MinerAlgorithm.Sha256d, 172 * Tera),
        new(MinerBrand.Avalon, "Avalon A1366", MinerAlgorithm.Sha256d, 130 * Tera),
        new(MinerBrand.Avalon, "Avalon Nano 3", MinerAlgorithm.Sha256d, 4 * Tera),
        new(MinerBrand.Goldshell, "Goldshell LT5", MinerAlgorithm.Scrypt, 2.05 * Giga),
        new(MinerBrand.Goldshell, "Goldshell LT6", MinerAlgorithm.Scrypt, 3.35 * Giga),
        new(MinerBrand.Goldshell, "Goldshell Mini-DOGE", MinerAlgorithm.Scrypt, 0.185 * Giga),
        new(MinerBrand.Goldshell, "Goldshell KD6 (Kadena)", MinerAlgorithm.Blake2s, 29.2 * Tera),
        new(MinerBrand.Innosilicon, "Innosilicon A6+ LTCMaster", MinerAlgorithm.Scrypt, 2.2 * Giga),
        new(MinerBrand.Innosilicon, "Innosilicon T3", MinerAlgorithm.Sha256d, 43 * Tera),
        new(MinerBrand.IceRiver, "IceRiver KS0", MinerAlgorithm.KHeavyHash, 0.1 * Tera),
        new(MinerBrand.IceRiver, "IceRiver KS3", MinerAlgorithm.KHeavyHash, 8 * Tera),
        new(MinerBrand.IceRiver, "IceRiver KS5", MinerAlgorithm.KHeavyHash, 12 * Tera),
        new(MinerBrand.CGMiner, "cgminer with a SHA-256 USB miner (e.g. GekkoScience Compac F)", MinerAlgorithm.Sha256d, 0.3 * Tera),
        new(MinerBrand.CGMiner, "cgminer with a scrypt rig", MinerAlgorithm.Scrypt, 1 * Giga),
    ];

    public static IReadOnlyList<MinerBrand> Brands { get; } = Enum.GetValues<MinerBrand>();

    public static IEnumerable<MinerModel> ModelsOf(MinerBrand brand) => Models.Where(m => m.Brand == brand);

    public static MinerModel? Find(MinerBrand brand, string? name) =>
        Models.FirstOrDefault(m => m.Brand == brand && string.Equals(m.Name, name, StringComparison.Ordinal));

    public static string DisplayName(this MinerBrand brand) => brand switch
    {
        MinerBrand.CGMiner => "cgminer",
        _ => brand.ToString(),
    };

    public static string DisplayName(this MinerAlgorithm algorithm) => algorithm switch
    {
        MinerAlgorithm.Sha256d => "SHA-256d",
        MinerAlgorithm.Scrypt => "scrypt",
        MinerAlgorithm.KHeavyHash => "kHeavyHash (Kaspa)",
        MinerAlgorithm.Blake2s => "Blake2s (Kadena)",
        _ => algorithm.ToString(),
    };
}
