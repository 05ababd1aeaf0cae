using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace DsLoop.Web.Tests.App;

public sealed class BadInputTests
{
    [Fact]
    public async Task Nul_character_in_a_form_field_is_refused_with_400_naming_the_field()
    {
        await using var app = await TestApp.StartAsync(multiUser: true);
        using var client = app.NewClient();
        var response = await TestApp.SignInAsync(client, "ali\0ce", "whatever password");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'UserName' contains a NUL character", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/signin")).StatusCode);
    }

    [Fact]
    public async Task Nul_character_in_an_answer_saves_nothing()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var response = await TestApp.SubmitFormAsync(client, "/practice/onboarding-test-sample-size",
            new Dictionary<string, string> { ["Answer"] = "two weeks\0", ["Seconds"] = "9" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'Answer'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await app.Store.ListAttemptsAsync((await app.Store.EnsureLocalUserAsync()).Id));
    }

    [Fact]
    public async Task Body_over_the_server_limit_gets_413_and_the_server_keeps_serving()
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        // Raw socket: the server may answer before it has read the body, which HttpClient reports as a send error.
        const long size = 31L * 1024 * 1024;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(app.BaseAddress.Host, app.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head = $"POST /practice/onboarding-test-sample-size HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\n" +
            $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {size}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        try
        {
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'a');
            for (long sent = 0; sent < size; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }
        }
        catch (IOException)
        {
            // The server answered and closed early; the answer is still readable.
        }
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync();
        Assert.StartsWith("HTTP/1.1 413", statusLine, StringComparison.Ordinal);
        using var client = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("101", HttpStatusCode.NotFound)]
    [InlineData("-1", HttpStatusCode.NotFound)]
    [InlineData("0", HttpStatusCode.NotFound)]
    [InlineData("1000", HttpStatusCode.NotFound)]
    [InlineData("302", HttpStatusCode.NotFound)]
    [InlineData("200", HttpStatusCode.NotFound)]
    [InlineData("418", (HttpStatusCode)418)]
    [InlineData("503", HttpStatusCode.ServiceUnavailable)]
    public async Task Error_page_answers_only_error_codes(string code, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync(multiUser: false);
        using var client = app.NewClient();
        var response = await client.GetAsync($"/error?code={code}");
        Assert.Equal(expected, response.StatusCode);
    }
}
