using MudBlazor;

namespace BitmernSolo.Web.Components.Layout;

/// <summary>The pool's colours; MudBlazor derives the rest for light and dark mode.</summary>
internal static class PoolTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#e8710a",
            Secondary = "#345d9d",
            AppbarBackground = "#1f2933",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#f7931a",
            Secondary = "#7aa2e3",
        },
    };
}
