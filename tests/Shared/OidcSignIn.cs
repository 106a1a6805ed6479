using System.Net;
using System.Text.RegularExpressions;

namespace CallSupervisor.Testing;

/// <summary>
/// Signs a demo user in through the real OpenID Connect flow with a plain HttpClient (no browser): the app's
/// sign-in challenge, the emulator's authorize page, picking the user, the code coming back to the app. Returns
/// the cookies of the signed-in session, for hub clients and HTTP checks. Shared by the end-to-end tests and the load
/// harness (linked into both from tests/Shared).
/// </summary>
public static partial class OidcSignIn
{
    public const string Supervisor = "Sam Supervisor";
    public const string Observer = "Olivia Observer";
    public const string Auditor = "Ada Auditor";
    public const string Manager = "Max Manager";

    /// <summary>A demo agent (role Agent): agent <c>ana</c> of the Development directory.</summary>
    public const string Agent = "Ana Lima";

    public static async Task<CookieContainer> SignInAsync(Uri app, string userName)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler);

        var location = await RedirectAsync(http, new Uri(app, "account/sign-in?returnUrl=%2F"));
        var page = await http.GetStringAsync(location);
        var (action, fields) = Form(page, location);
        fields["user_id"] = UserButton(page, userName);
        using var picked = await http.PostAsync(action, new FormUrlEncodedContent(fields));

        // response_mode=query answers with a redirect to the app; form_post with a page that posts there.
        Uri? next;
        if (picked.StatusCode == HttpStatusCode.Found || picked.StatusCode == HttpStatusCode.SeeOther)
        {
            using var back = await http.GetAsync(picked.Headers.Location);
            next = back.Headers.Location;
            Ensure(back, "the app's sign-in callback");
        }
        else
        {
            var (postTo, posted) = Form(await picked.Content.ReadAsStringAsync(), action);
            using var back = await http.PostAsync(postTo, new FormUrlEncodedContent(posted));
            next = back.Headers.Location;
            Ensure(back, "the app's sign-in callback");
        }
        if (next is null || cookies.GetCookies(app).All(c => c.Name != "CallSupervisor.Session"))
        {
            throw new InvalidOperationException($"Signing in as {userName} did not create a session (went to {next}).");
        }
        return cookies;
    }

    private static async Task<Uri> RedirectAsync(HttpClient http, Uri uri)
    {
        using var response = await http.GetAsync(uri);
        return response.Headers.Location is { } location
            ? (location.IsAbsoluteUri ? location : new Uri(uri, location))
            : throw new InvalidOperationException($"{uri} did not redirect to the identity provider: {(int)response.StatusCode}");
    }

    private static void Ensure(HttpResponseMessage response, string what)
    {
        if ((int)response.StatusCode is not (302 or 303))
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result}");
        }
    }

    private static (Uri Action, Dictionary<string, string> Fields) Form(string html, Uri baseUri)
    {
        var action = FormAction().Match(html);
        if (!action.Success)
        {
            throw new InvalidOperationException("No form on the page:\n" + html);
        }
        var fields = HiddenInput().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        return (new Uri(baseUri, WebUtility.HtmlDecode(action.Groups["action"].Value)), fields);
    }

    private static string UserButton(string html, string userName)
    {
        foreach (Match button in UserChoice().Matches(html))
        {
            if (WebUtility.HtmlDecode(button.Groups["name"].Value) == userName)
            {
                return WebUtility.HtmlDecode(button.Groups["id"].Value);
            }
        }
        throw new InvalidOperationException($"No demo user {userName} on the sign-in page:\n" + html);
    }

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("name=\"user_id\" value=\"(?<id>[^\"]+)\"><span class=\"name\">(?<name>[^<]+)</span>")]
    private static partial Regex UserChoice();
}
