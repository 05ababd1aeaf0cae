using DsLoop.Web.App;
using Xunit;

namespace DsLoop.Web.Tests.App;

public sealed class DsLoopOptionsTests
{
    [Theory]
    [InlineData("http://localhost:5080", false)]
    [InlineData("http://127.0.0.1:5080", false)]
    [InlineData("http://[::1]:5080", false)]
    [InlineData("http://0.0.0.0:5080", true)]
    [InlineData("http://*:5080", true)]
    [InlineData("http://+:5080", true)]
    [InlineData("http://192.168.1.20:5080", true)]
    [InlineData("http://dsloop.example.com", true)]
    public void Binding_beyond_loopback_forces_multi_user_mode(string url, bool multiUser)
    {
        var options = DsLoopOptions.Parse(["--urls", url]);
        Assert.Equal(multiUser, options.MultiUser);
    }

    [Fact]
    public void Multi_user_flag_turns_accounts_on_for_loopback()
    {
        Assert.True(DsLoopOptions.Parse(["--multi-user", "--port", "6000"]).MultiUser);
        Assert.Equal(["http://localhost:6000"], DsLoopOptions.Parse(["--port=6000"]).Urls);
    }

    [Theory]
    [InlineData("--bogus", "Unknown option '--bogus'")]
    [InlineData("--port", "needs a value")]
    [InlineData("--port=70000", "not a number from 0 to 65535")]
    [InlineData("--urls=not a url", "is not a URL")]
    [InlineData("--trusted-proxy=proxy.local", "Trusted proxy 'proxy.local' is not an IP address")]
    public void Bad_flags_are_named_in_the_error(string arg, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => DsLoopOptions.Parse([arg]));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Trusted_proxies_come_from_repeated_or_comma_separated_flags()
    {
        var options = DsLoopOptions.Parse(["--trusted-proxy", "10.0.0.5, 10.0.0.6", "--trusted-proxy=fd00::1"]);
        Assert.Equal(["10.0.0.5", "10.0.0.6", "fd00::1"], options.TrustedProxies.Select(p => p.ToString()));
        Assert.Empty(DsLoopOptions.Parse([]).TrustedProxies);
    }
}
