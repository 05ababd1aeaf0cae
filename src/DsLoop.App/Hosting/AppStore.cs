using DsLoop.Store;

namespace DsLoop.App.Hosting;

/// <summary>Opens the app store for a host, turning "unavailable" into a start-up failure with one line of cause.</summary>
public static class AppStore
{
    /// <summary>Opens (and migrates) the store <paramref name="settings"/> describe.</summary>
    /// <exception cref="StartupException">The store can't be used; the message says why.</exception>
    public static async Task<IAppStore> OpenAsync(StoreSettings settings, CancellationToken cancellationToken = default)
    {
        try
        {
            return await AppStoreFactory.OpenAsync(settings, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            throw new StartupException(e.Message, e);
        }
    }
}
