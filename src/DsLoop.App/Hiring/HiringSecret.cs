using System.Security.Cryptography;
using System.Text;
using DsLoop.Cases;
using DsLoop.Core.Hiring;

namespace DsLoop.App.Hiring;

/// <summary>
/// The server's hiring secret: 32 random bytes generated once and kept in the data folder (<c>hiring.key</c>, readable
/// by the owner only), like the cookie keys. A candidate's dataset seed and case derive from it and the invitation id
/// with HMAC-SHA256, so nothing the candidate sees (the invitation id, the link, the pages, the data) lets anyone
/// regenerate the planted truth without the secret.
/// </summary>
public sealed class HiringSecret
{
    /// <summary>The file's name in the data folder.</summary>
    public const string FileName = "hiring.key";

    private const int Bytes = 32;
    private readonly byte[] _key;

    /// <summary>Uses the given key (tests, or a key held elsewhere); it must be 32 bytes.</summary>
    public HiringSecret(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != Bytes)
        {
            throw new ArgumentException($"A hiring secret is {Bytes} bytes.", nameof(key));
        }
        _key = [.. key];
    }

    /// <summary>Reads the data folder's secret, creating it on first use (never overwriting one that exists).</summary>
    /// <exception cref="IOException">The file exists but is not a 32-byte key, or cannot be written.</exception>
    public static HiringSecret LoadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(Path.GetFullPath(dataDirectory), FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using var file = new FileStream(path, options);
                file.Write(RandomNumberGenerator.GetBytes(Bytes));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }
        var key = File.ReadAllBytes(path);
        return key.Length == Bytes ? new HiringSecret(key) : throw new IOException($"{path} is not a {Bytes}-byte hiring secret ({key.Length} bytes).");
    }

    /// <summary>The seed of the candidate's SQL screen dataset (never 0).</summary>
    public ulong DatasetSeed(string invitationId) => Derive("sql-dataset", invitationId);

    /// <summary>The seed of the candidate's take-home case (never 0).</summary>
    public ulong CaseSeed(string invitationId) => Derive("case", invitationId);

    /// <summary>The candidate's take-home case: the position's kind with the secret seed. Shown to no one outside the server.</summary>
    public CaseId CaseFor(string invitationId, TakeHomeCase kind) => new(kind switch
    {
        TakeHomeCase.Experiment => CaseKind.Experiment,
        TakeHomeCase.Modeling => CaseKind.Modeling,
        _ => CaseKind.KpiDrop,
    }, CaseSeed(invitationId));

    /// <summary>HMAC-SHA256 of the purpose and invitation id under the secret, read as a 63-bit number, never 0.</summary>
    private ulong Derive(string purpose, string invitationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(invitationId);
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"dsloop/hiring/v1/{purpose}/{invitationId}"));
        var value = BitConverter.ToUInt64(mac, 0) & long.MaxValue;
        return value == 0 ? 1 : value;
    }
}
