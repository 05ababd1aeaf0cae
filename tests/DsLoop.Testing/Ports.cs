using System.Net;
using System.Net.Sockets;

namespace DsLoop.Testing;

public static class Ports
{
    /// <summary>A loopback port that was free a moment ago; nothing listens on it when this returns.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
