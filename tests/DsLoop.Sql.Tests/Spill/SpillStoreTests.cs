using System.Runtime.Versioning;
using DsLoop.Sql.Spill;
using Xunit;

namespace DsLoop.Sql.Tests.Spill;

public sealed class SpillStoreTests
{
    private static SpillStore Filled(Action<string, int>? deleteFolder = null)
    {
        var attempt = 0;
        var store = deleteFolder is null
            ? new SpillStore(partitions: 4)
            : new SpillStore(partitions: 4, folder => deleteFolder(folder, ++attempt));
        for (var row = 0; row < 100; row++)
        {
            store.Append([1, 2, 3], (UInt128)row * 7919);
        }
        store.Complete();
        return store;
    }

    [Fact]
    public void Dispose_removes_the_folder_and_every_file_in_it()
    {
        var store = Filled();
        Assert.NotEmpty(Directory.GetFiles(store.Folder));
        store.Dispose();
        Assert.False(Directory.Exists(store.Folder));
        store.Dispose();
    }

    [SkippableFact]
    public void Dispose_removes_the_folder_while_another_reader_holds_a_file_open()
    {
        Skip.If(OperatingSystem.IsWindows(), "Windows keeps a folder whose file is open; there the removal is reported instead.");
        var store = Filled();
        using var reader = new FileStream(Directory.GetFiles(store.Folder)[0], FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        store.Dispose();
        Assert.False(Directory.Exists(store.Folder));
    }

    [Fact]
    public void A_removal_that_fails_for_a_moment_is_retried_and_the_folder_is_gone()
    {
        var failures = 0;
        var store = Filled((folder, attempt) =>
        {
            if (attempt == 1)
            {
                failures++;
                throw new IOException("held by a scanner");
            }
            Directory.Delete(folder, recursive: true);
        });
        store.Dispose();
        Assert.Equal(1, failures);
        Assert.False(Directory.Exists(store.Folder));
    }

    [Fact]
    public void A_folder_that_cannot_be_removed_is_reported_with_its_path_and_cause()
    {
        var attempts = 0;
        var store = Filled((_, attempt) =>
        {
            attempts = attempt;
            throw new IOException("held by a scanner");
        });
        try
        {
            var error = Assert.Throws<IOException>(store.Dispose);
            Assert.Equal($"The grader could not remove its temporary folder {store.Folder}: held by a scanner", error.Message);
            Assert.IsType<IOException>(error.InnerException);
            Assert.Equal(3, attempts);
        }
        finally
        {
            Directory.Delete(store.Folder, recursive: true);
        }
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void A_read_only_folder_is_reported_not_left_behind_silently()
    {
        Skip.If(OperatingSystem.IsWindows() || Environment.IsPrivilegedProcess, "needs Unix permissions that bind the user running the tests");
        var store = Filled();
        var folder = store.Folder;
        var mode = File.GetUnixFileMode(folder);
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var error = Assert.Throws<IOException>(store.Dispose);
            Assert.Contains(folder, error.Message, StringComparison.Ordinal);
            Assert.IsType<UnauthorizedAccessException>(error.InnerException);
        }
        finally
        {
            File.SetUnixFileMode(folder, mode);
            Directory.Delete(folder, recursive: true);
        }
    }
}
