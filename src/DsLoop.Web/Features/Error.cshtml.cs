using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features;

/// <summary>Shows errors and status codes in plain words; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
internal sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";
    public string Explanation { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Only error codes: 1xx, 2xx and 3xx mean something else, and a number outside 100–999 breaks the status line.
        if (code is < 400 or > 599)
        {
            code = StatusCodes.Status404NotFound;
        }
        // The exception handler re-executes without a code but may have chosen one (413 for a body too large).
        var current = Response.StatusCode is >= 400 and <= 599 ? Response.StatusCode : (int?)null;
        var status = current ?? code ?? StatusCodes.Status500InternalServerError;
        (Title, Explanation) = status switch
        {
            400 => ("Bad request", "The request could not be understood. If you submitted a form, reload the page and try again."),
            403 => ("Not allowed", "Your account may not open this page."),
            404 => ("Not found", "There is nothing at this address, or it belongs to someone else."),
            413 => ("Too large", "The request is larger than the server accepts."),
            _ when status >= 500 => ("Something went wrong", "DsLoop hit an error while handling this request. Nothing was half-saved; try again."),
            _ => ($"Error {status}", "The request could not be completed."),
        };
        Response.StatusCode = status;
    }
}
