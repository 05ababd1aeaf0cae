using System.Security.Cryptography;
using System.Text;

namespace DsLoop.App.Hiring;

/// <summary>
/// The secrets in invitation links and candidate sessions: 256 random bits from <see cref="RandomNumberGenerator"/>,
/// written as base64url; only their SHA-256 is stored, and a presented secret is checked with
/// <see cref="CryptographicOperations.FixedTimeEquals"/>.
/// </summary>
public static class InvitationTokens
{
    /// <summary>A new secret and the hash to store.</summary>
    public static (string Token, string Hash) New()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    /// <summary>SHA-256 of the token's text, lowercase hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>True when <paramref name="token"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string? token, string? storedHash)
    {
        if (string.IsNullOrEmpty(token) || string.IsNullOrEmpty(storedHash) || token.Length > 100)
        {
            return false;
        }
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        Span<byte> stored = stackalloc byte[32];
        try
        {
            if (Convert.FromHexString(storedHash, stored, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
            {
                return false;
            }
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
