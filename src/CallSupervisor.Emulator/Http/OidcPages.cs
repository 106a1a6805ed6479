using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using CallSupervisor.Emulator.Oidc;

namespace CallSupervisor.Emulator.Http;

/// <summary>The provider's pages: the user picker, the form_post hand-back, refusals and the signed-out page.</summary>
internal static class OidcPages
{
    public const string Title = "Sign in to CallSupervisor (development)";

    private const string AutoSubmit = "document.forms[0].submit();";

    /// <summary>The CSP hash of the one inline script, so the hand-back page needs no 'unsafe-inline'.</summary>
    private static readonly string AutoSubmitHash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(AutoSubmit)));

    private const string Style = """
        :root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
        body { margin: 0; background: Canvas; color: CanvasText; }
        main { max-width: 36rem; margin: 2rem auto; padding: 0 1rem; }
        ul { list-style: none; padding: 0; display: grid; gap: .75rem; }
        button { width: 100%; text-align: left; font: inherit; padding: .75rem 1rem; border-radius: .5rem;
                 border: 2px solid #1f5fbf; background: Canvas; color: CanvasText; cursor: pointer; }
        button:hover { background: color-mix(in srgb, #1f5fbf 12%, Canvas); }
        button:focus-visible { outline: 3px solid #1f5fbf; outline-offset: 2px; }
        button.secondary { width: auto; border-color: GrayText; }
        .name { display: block; font-weight: 600; font-size: 1.1rem; }
        .detail { display: block; }
        .note { font-size: .95rem; }
        """;

    public static HtmlResult SignIn(OidcProvider provider, AuthorizationRequest request, Func<string, string?> original, string action)
    {
        var html = new StringBuilder();
        html.Append(Start(Title)).Append("<h1>").Append(E(Title)).Append("</h1>")
            .Append("<p>This is the emulator's development sign-in. Choose a demo user: there is no password.</p>")
            .Append("<form method=\"post\" action=\"").Append(E(action)).Append("\">");
        foreach (var name in AuthorizationRequest.CarriedParameters)
        {
            if (original(name) is { } value)
            {
                html.Append(Hidden(name, value));
            }
        }
        html.Append("<h2 id=\"users\">Demo users</h2><ul aria-labelledby=\"users\">");
        foreach (var user in provider.Users)
        {
            html.Append("<li><button type=\"submit\" name=\"user_id\" value=\"").Append(E(user.ObjectId)).Append("\">")
                .Append("<span class=\"name\">").Append(E(user.Name)).Append("</span> ")
                .Append("<span class=\"detail\">").Append(E(user.Username)).Append("</span> ")
                .Append("<span class=\"detail\">").Append(E(user.RolesText)).Append("</span></button></li>");
        }
        html.Append("</ul><p><button type=\"submit\" class=\"secondary\" name=\"cancel\" value=\"1\">Cancel sign-in</button></p></form>")
            .Append("<p class=\"note\">You will be returned to ").Append(E(request.RedirectUri)).Append(".</p>")
            .Append(End());
        return new HtmlResult(200, html.ToString());
    }

    /// <summary>response_mode=form_post: the browser posts the answer to the app (OAuth 2.0 Form Post Response Mode).</summary>
    public static HtmlResult FormPost(string redirectUri, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var html = new StringBuilder();
        html.Append(Start("Returning to CallSupervisor")).Append("<h1>Returning to CallSupervisor…</h1>")
            .Append("<form method=\"post\" action=\"").Append(E(redirectUri)).Append("\">");
        foreach (var (name, value) in fields)
        {
            html.Append(Hidden(name, value));
        }
        html.Append("<p>If nothing happens, continue by hand.</p><button type=\"submit\">Continue</button></form>")
            .Append("<script>").Append(AutoSubmit).Append("</script>").Append(End());
        return new HtmlResult(200, html.ToString(), AutoSubmitHash);
    }

    public static HtmlResult Refused(int status, string reason) => new(status,
        Start("Sign-in request refused") + "<h1>Sign-in request refused</h1><p>" + E(reason) + "</p>"
        + "<p class=\"note\">Nothing was sent back to the app. Start the sign-in again from the app.</p>" + End());

    public static HtmlResult SignedOut() => new(200,
        Start("Signed out") + "<h1>Signed out</h1><p>You are signed out of CallSupervisor (development). "
        + "You can close this tab, or sign in again from the app.</p>" + End());

    private static string Start(string title) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + $"<title>{E(title)}</title><style>{Style}</style></head><body><main>";

    private static string End() => "</main></body></html>";

    private static string Hidden(string name, string value) => $"<input type=\"hidden\" name=\"{E(name)}\" value=\"{E(value)}\">";

    private static string E(string value) => HtmlEncoder.Default.Encode(value);
}
