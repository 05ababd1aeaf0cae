using System.Security.Cryptography;

namespace DsLoop.Web.Assets;

/// <summary>
/// Adds security headers to every response. The content security policy allows only this origin,
/// which also proves at runtime that pages load nothing from elsewhere.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "dsloop.style-nonce";

    /// <summary>The policy; <c>{0}</c> is the request's style nonce.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'nonce-{0}'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// A fresh nonce per response, for the one script that writes its own style sheet: the SQL editor
    /// (CodeMirror) adds a &lt;style&gt; element and passes this nonce on it. Inline style attributes stay forbidden.
    /// </summary>
    public static string StyleNonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = string.Format(System.Globalization.CultureInfo.InvariantCulture, ContentSecurityPolicy, nonce);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        return next(context);
    }
}
