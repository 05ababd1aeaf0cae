using Microsoft.AspNetCore.Http.Features;

namespace DsLoop.Web.App;

/// <summary>
/// Refuses input no page can use before any page sees it: a body over the server's limit (413), a form that cannot be
/// read within the form limits (400), and a NUL character in any query or form value (400). Each refusal says what and
/// where in plain text, so the status-code pages leave it as it is.
/// </summary>
internal sealed class BadInput(RequestDelegate next)
{
    /// <summary>The longest single form value accepted, in characters; every text field's own limit is lower.</summary>
    public const int MaxFormValueLength = 1_000_000;

    public async Task InvokeAsync(HttpContext context)
    {
        if (Nul(context.Request.Query) is { } queryField)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, $"The query parameter '{queryField}' contains a NUL character; remove it and try again.");
            return;
        }
        if (context.Request.HasFormContentType)
        {
            IFormCollection form;
            if (IsUrlEncoded(context.Request))
            {
                // Kept so a form the reader refuses can be scanned again for the field at fault.
                context.Request.EnableBuffering();
            }
            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                await RefuseAsync(context, e.StatusCode, $"The request body is larger than the server accepts ({Limit(context)}).");
                return;
            }
            catch (InvalidDataException e)
            {
                // The form reader refuses a NUL outright without naming the field, or names the limit it hit.
                var message = await NulInRawFormAsync(context.Request) is { } field
                    ? $"The form field '{field}' contains a NUL character; remove it and send the form again."
                    : $"The form could not be read: {e.Message}";
                await RefuseAsync(context, StatusCodes.Status400BadRequest, message);
                return;
            }
            if (Nul(form) is { } formField)
            {
                await RefuseAsync(context, StatusCodes.Status400BadRequest, $"The form field '{formField}' contains a NUL character; remove it and send the form again.");
                return;
            }
        }
        await next(context);
    }

    private static string? Nul(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values)
    {
        foreach (var (key, value) in values)
        {
            if (key.Contains('\0', StringComparison.Ordinal))
            {
                return key.Replace("\0", "\\0", StringComparison.Ordinal);
            }
            foreach (var item in value)
            {
                if (item is not null && item.Contains('\0', StringComparison.Ordinal))
                {
                    return key;
                }
            }
        }
        return null;
    }

    /// <summary>The first URL-encoded form field whose name or value holds a NUL, read from the buffered body.</summary>
    private static async Task<string?> NulInRawFormAsync(HttpRequest request)
    {
        if (!IsUrlEncoded(request) || request.ContentLength is null or > 4L * MaxFormValueLength)
        {
            return null;
        }
        request.Body.Position = 0;
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        foreach (var pair in body.Split('&'))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v] ? (k, v) : (pair, "");
            var name = Decode(key);
            if (name.Contains('\0', StringComparison.Ordinal) || Decode(value).Contains('\0', StringComparison.Ordinal))
            {
                return name.Replace("\0", "\\0", StringComparison.Ordinal);
            }
        }
        return null;
    }

    private static bool IsUrlEncoded(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    private static string Decode(string encoded) => System.Net.WebUtility.UrlDecode(encoded);

    private static string Limit(HttpContext context) =>
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } max ? $"at most {max:N0} bytes" : "a limit applies";

    private static async Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync($"{message}\n", context.RequestAborted);
    }
}
