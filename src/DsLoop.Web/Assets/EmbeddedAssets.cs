using System.Security.Cryptography;
using DsLoop.App.Hosting;

namespace DsLoop.Web.Assets;

/// <summary>
/// The bundled scripts and styles, embedded in this assembly by the build and served from memory
/// with a content hash in the URL, so they can be cached forever and never go stale.
/// </summary>
internal sealed class EmbeddedAssets
{
    private const string Prefix = "dsloop-assets/";
    private readonly Dictionary<string, (byte[] Bytes, string Hash, string ContentType)> _assets = new(StringComparer.Ordinal);

    public EmbeddedAssets()
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.ToArray();
            var name = resource[Prefix.Length..];
            var type = Path.GetExtension(name) switch
            {
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                _ => "application/octet-stream",
            };
            _assets[name] = (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes))[..12], type);
        }
        if (!_assets.ContainsKey("app.js") || !_assets.ContainsKey("style.css"))
        {
            throw new StartupException("the web assets were not bundled into this build; rebuild with npm available.");
        }
    }

    /// <summary>The cache-busting URL of an asset.</summary>
    public string Url(string name) => $"/assets/{name}?v={_assets[name].Hash}";

    public IResult Serve(string name, HttpContext context)
    {
        if (!_assets.TryGetValue(name, out var asset))
        {
            return Results.NotFound();
        }
        var etag = $"\"{asset.Hash}\"";
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }
}

internal static class EmbeddedAssetsEndpoints
{
    public static void MapAssets(this WebApplication app) =>
        app.MapGet("/assets/{name}", (string name, HttpContext context, EmbeddedAssets assets) => assets.Serve(name, context))
            .AllowAnonymous();
}
