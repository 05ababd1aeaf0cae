using System.Runtime.InteropServices;

namespace DsLoop.Data.Output;

/// <summary>
/// Direct calls into the e_sqlite3 library that SQLitePCLRaw ships and loads, for the bind/step hot path of
/// the bulk load: blittable arguments only and no GC transition for the binds, which cost about a tenth of the
/// SafeHandle-marshalled wrappers. Statements are still prepared and finalised through SQLitePCLRaw.
/// </summary>
internal static class NativeSqlite
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.</summary>
    public static readonly IntPtr Transient = new(-1);

    /// <summary>SQLITE_STATIC: the bytes stay valid (pinned) until the statement is stepped or rebound.</summary>
    public static readonly IntPtr Static = IntPtr.Zero;

    [DllImport(Library, EntryPoint = "sqlite3_bind_int64"), SuppressGCTransition]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int BindInt64(IntPtr statement, int index, long value);

    [DllImport(Library, EntryPoint = "sqlite3_bind_double"), SuppressGCTransition]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int BindDouble(IntPtr statement, int index, double value);

    [DllImport(Library, EntryPoint = "sqlite3_bind_null"), SuppressGCTransition]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int BindNull(IntPtr statement, int index);

    [DllImport(Library, EntryPoint = "sqlite3_bind_text"), SuppressGCTransition]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int BindText(IntPtr statement, int index, ref byte utf8, int length, IntPtr destructor);

    [DllImport(Library, EntryPoint = "sqlite3_step")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Step(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_reset"), SuppressGCTransition]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Reset(IntPtr statement);
}
