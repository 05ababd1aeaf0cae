using DsLoop.Content;
using DsLoop.Core;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DsLoop.Web.Features.MockLoop;

internal sealed class MockLoopIndexModel(ContentBank content) : PageModel
{
    public int CountFor(Dimension dimension) => content.Items.Count(i => i.Dimensions.Contains(dimension));
}
