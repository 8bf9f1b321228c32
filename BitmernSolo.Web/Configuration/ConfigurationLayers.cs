namespace BitmernSolo.Web.Configuration;

/// <summary>
/// Loads the JSON configuration files in order: <c>appsettings.json</c>, <c>appsettings.{Environment}.json</c> (both beside
/// the executable) and the file named by <c>BITMERNSOLO_CONFIG</c>.
/// </summary>
/// <remarks>
/// Configuration merges arrays by index, so an operator's file listing one pool would otherwise be patched into the first
/// shipped pool and inherit its other ports. Instead, the last file that defines <c>Pools</c> owns the whole array; earlier
/// files' pools are dropped. Environment variables still patch single keys (<c>Pools__0__Daemons__0__Url</c>) on top.
/// </remarks>
internal static class ConfigurationLayers
{
    public const string ExtraFileVariable = "BITMERNSOLO_CONFIG";
    private const string PoolsSection = "Pools";

    public static IReadOnlyList<string> Files(string baseDirectory, string environmentName, string? extraFile)
    {
        var files = new List<string>
        {
            Path.Combine(baseDirectory, "appsettings.json"),
            Path.Combine(baseDirectory, $"appsettings.{environmentName}.json"),
        };
        if (!string.IsNullOrWhiteSpace(extraFile))
        {
            files.Add(FindExtraFile(extraFile, Directory.GetCurrentDirectory()));
        }

        return files;
    }

    /// <summary>
    /// An absolute path is taken as is. A relative one is looked up from <paramref name="startDirectory"/> upwards, because
    /// <c>dotnet run --project BitmernSolo.Web</c> starts the app in the project folder, one below where the operator typed
    /// <c>BITMERNSOLO_CONFIG=appsettings/examples/...</c>.
    /// </summary>
    public static string FindExtraFile(string path, string startDirectory)
    {
        if (Path.IsPathRooted(path))
        {
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"{ExtraFileVariable}: configuration file '{path}' does not exist.", path);
        }

        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"{ExtraFileVariable}: configuration file '{path}' not found in '{startDirectory}' or any folder above it.", path);
    }

    /// <summary>Adds each existing file as a layer, keeping <c>Pools</c> only from the last file that defines it.</summary>
    public static void AddFiles(IConfigurationBuilder builder, IReadOnlyList<string> files)
    {
        var layers = files
            .Where(File.Exists)
            .Select(file => new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build())
            .ToList();
        var poolsOwner = layers.FindLastIndex(layer => layer.GetSection(PoolsSection).Exists());

        for (var i = 0; i < layers.Count; i++)
        {
            var keep = i == poolsOwner;
            var values = layers[i].AsEnumerable()
                .Where(pair => pair.Value is not null && (keep || !IsPoolsKey(pair.Key)))
                .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
            builder.AddInMemoryCollection(values);
        }
    }

    private static bool IsPoolsKey(string key) =>
        key.Equals(PoolsSection, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(PoolsSection + ConfigurationPath.KeyDelimiter, StringComparison.OrdinalIgnoreCase);
}
