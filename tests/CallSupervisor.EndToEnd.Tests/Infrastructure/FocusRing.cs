using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CallSupervisor.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The focus indicator of the focused element as the browser draws it (computed outline), and the colour it is drawn
/// against: the backgrounds behind the element, composited from the page down, as a person sees them.
/// </summary>
public sealed record FocusRing(string Element, string Style, double Width, string Color, string Background)
{
    // The ring of a visually hidden input (a checkbox) is drawn by the control around it, a field's around the field.
    private const string Script = """
        () => {
            let el = document.activeElement;
            if (!el || el === document.body) return null;
            if (el.matches('input') && getComputedStyle(el).opacity === '0' && el.parentElement) el = el.parentElement;
            // A text field's or select's ring is drawn around the whole field.
            if (el.closest('.mud-input')) el = el.closest('.mud-input');
            const s = getComputedStyle(el);
            const parse = c => { const m = c.match(/[\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; };
            const layers = [];
            for (let n = el.parentElement; n; n = n.parentElement) layers.push(parse(getComputedStyle(n).backgroundColor));
            let bg = [255, 255, 255];
            for (const [r, g, b, a] of layers.reverse()) bg = [r * a + bg[0] * (1 - a), g * a + bg[1] * (1 - a), b * a + bg[2] * (1 - a)];
            return {
                element: el.outerHTML.slice(0, 120),
                style: s.outlineStyle,
                width: parseFloat(s.outlineWidth) || 0,
                color: s.outlineColor,
                background: `rgb(${bg.map(Math.round).join(', ')})`,
            };
        }
        """;

    /// <summary>The ring of <c>document.activeElement</c>, or null when nothing but the body has focus.</summary>
    public static async Task<FocusRing?> OfFocusedAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var ring = await page.EvaluateAsync<System.Text.Json.JsonElement?>(Script);
        if (ring is not { ValueKind: System.Text.Json.JsonValueKind.Object } r)
        {
            return null;
        }
        return new FocusRing(r.GetProperty("element").GetString()!, r.GetProperty("style").GetString()!, r.GetProperty("width").GetDouble(),
            r.GetProperty("color").GetString()!, r.GetProperty("background").GetString()!);
    }

    /// <summary>WCAG contrast ratio of the outline colour against the background it is drawn on.</summary>
    public double Contrast => ContrastRatio(Color, Background);

    /// <summary>Visible as WCAG 2.4.13 asks of the indicator's colour: drawn, at least 2 px, 3:1 against what is next to it.</summary>
    public bool IsVisible => Style is not ("none" or "hidden") && Width >= 2 && Contrast >= 3;

    public override string ToString() =>
        $"{Element}: outline {Style} {Width}px {Color} on {Background} ({Contrast.ToString("0.00", CultureInfo.InvariantCulture)}:1)";

    public static double ContrastRatio(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string css)
    {
        var parts = Regex.Matches(css, @"[\d.]+").Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();
        static double Channel(double c)
        {
            c /= 255;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return (0.2126 * Channel(parts[0])) + (0.7152 * Channel(parts[1])) + (0.0722 * Channel(parts[2]));
    }
}
