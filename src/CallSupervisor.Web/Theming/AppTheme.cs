using MudBlazor;

namespace CallSupervisor.Web.Theming;

/// <summary>
/// The dashboard's one theme. Colours are picked for WCAG AA contrast: every palette colour used for text reaches
/// 4.5:1 on its background in both modes, and the contrast text of each colour reaches 4.5:1 on that colour (so a
/// filled chip stays readable). Meaning never rides on colour alone: every state also has a word and an icon.
/// </summary>
public static class AppTheme
{
    public static MudTheme Value { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1557b0",
            PrimaryContrastText = "#ffffff",
            Secondary = "#6a1b9a",
            SecondaryContrastText = "#ffffff",
            Tertiary = "#00695c",
            TertiaryContrastText = "#ffffff",
            Info = "#01579b",
            InfoContrastText = "#ffffff",
            Success = "#1b5e20",
            SuccessContrastText = "#ffffff",
            Warning = "#7a4500",
            WarningContrastText = "#ffffff",
            Error = "#b71c1c",
            ErrorContrastText = "#ffffff",
            Dark = "#37474f",
            DarkContrastText = "#ffffff",
            AppbarBackground = "#0d3c7a",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#1f2933",
            TextPrimary = "#1f2933",
            TextSecondary = "#4a5560",
            TextDisabled = "#6b7580",
            ActionDefault = "#3d4852",
            ActionDisabled = "#6b7580",
            LinesDefault = "#c9d1d9",
            TableLines = "#dde3e9",
            Divider = "#c9d1d9",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8ab4f8",
            PrimaryContrastText = "#0b1a2e",
            Secondary = "#ce93d8",
            SecondaryContrastText = "#1c0b22",
            Tertiary = "#80cbc4",
            TertiaryContrastText = "#06201d",
            Info = "#81d4fa",
            InfoContrastText = "#06202e",
            Success = "#81c784",
            SuccessContrastText = "#0b200c",
            Warning = "#ffb74d",
            WarningContrastText = "#2b1800",
            Error = "#ef9a9a",
            ErrorContrastText = "#2e0808",
            Dark = "#cfd8dc",
            DarkContrastText = "#101417",
            AppbarBackground = "#1b2430",
            AppbarText = "#e8eaed",
            Background = "#101418",
            Surface = "#1a2027",
            DrawerBackground = "#161b21",
            DrawerText = "#e8eaed",
            TextPrimary = "#e8eaed",
            TextSecondary = "#b8c0c8",
            TextDisabled = "#8e979f",
            ActionDefault = "#c5ccd3",
            ActionDisabled = "#8e979f",
            LinesDefault = "#3a444e",
            TableLines = "#2e3740",
            Divider = "#3a444e",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "232px", AppbarHeight = "64px" },
        // Buttons say what they do in sentence case (an uppercase label is harder to read and wraps sooner).
        Typography = new Typography { Button = new ButtonTypography { TextTransform = "none", FontWeight = "600" } },
    };
}
