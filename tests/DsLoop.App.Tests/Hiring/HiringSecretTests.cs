using System.Security.Cryptography;
using DsLoop.App.Hiring;
using DsLoop.Cases;
using DsLoop.Core.Hiring;
using Xunit;

namespace DsLoop.App.Tests.Hiring;

public sealed class HiringSecretTests
{
    private static HiringSecret Secret(byte fill) => new(Enumerable.Repeat(fill, 32).ToArray());

    [Fact]
    public void The_same_secret_and_invitation_give_the_same_seeds()
    {
        Assert.Equal(Secret(1).DatasetSeed("inv-1"), Secret(1).DatasetSeed("inv-1"));
        Assert.Equal(Secret(1).CaseFor("inv-1", TakeHomeCase.KpiDrop), Secret(1).CaseFor("inv-1", TakeHomeCase.KpiDrop));
    }

    [Fact]
    public void Another_secret_gives_other_seeds_for_the_same_invitation()
    {
        Assert.NotEqual(Secret(1).DatasetSeed("inv-1"), Secret(2).DatasetSeed("inv-1"));
        Assert.NotEqual(Secret(1).CaseSeed("inv-1"), Secret(2).CaseSeed("inv-1"));
    }

    [Fact]
    public void Seeds_differ_between_invitations_and_between_the_dataset_and_the_case()
    {
        var secret = Secret(7);
        Assert.NotEqual(secret.DatasetSeed("inv-1"), secret.DatasetSeed("inv-2"));
        Assert.NotEqual(secret.DatasetSeed("inv-1"), secret.CaseSeed("inv-1"));
    }

    [Fact]
    public void The_seed_is_not_any_simple_function_of_the_invitation_id_alone()
    {
        // What someone without the secret could compute from the id: its hash, its hex digits, the old case-id form.
        var id = "01a249c7832571cf92d42236ca2c62c6";
        var seed = Secret(3).DatasetSeed(id);
        var guesses = new[]
        {
            BitConverter.ToUInt64(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)), 0) & long.MaxValue,
            Convert.ToUInt64(id[..16], 16) & long.MaxValue,
            Convert.ToUInt64(id[16..], 16) & long.MaxValue,
            BitConverter.ToUInt64(HMACSHA256.HashData(new byte[32], System.Text.Encoding.UTF8.GetBytes($"dsloop/hiring/v1/sql-dataset/{id}")), 0) & long.MaxValue,
        };
        Assert.DoesNotContain(seed, guesses);
        Assert.DoesNotContain(seed.ToString(System.Globalization.CultureInfo.InvariantCulture), id, StringComparison.Ordinal);
    }

    [Fact]
    public void The_case_keeps_the_positions_kind_with_the_secret_seed()
    {
        var secret = Secret(4);
        Assert.Equal(new CaseId(CaseKind.Modeling, secret.CaseSeed("i")), secret.CaseFor("i", TakeHomeCase.Modeling));
    }

    [Fact]
    public void The_secret_file_is_created_once_owner_only_and_reused()
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-secret-").FullName;
        try
        {
            var first = HiringSecret.LoadOrCreate(folder);
            var path = Path.Combine(folder, HiringSecret.FileName);
            var bytes = File.ReadAllBytes(path);
            var second = HiringSecret.LoadOrCreate(folder);
            Assert.Equal(32, bytes.Length);
            Assert.Equal(bytes, File.ReadAllBytes(path));
            Assert.Equal(first.DatasetSeed("x"), second.DatasetSeed("x"));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
            var otherFolder = Directory.CreateTempSubdirectory("dsloop-secret-").FullName;
            Assert.NotEqual(first.DatasetSeed("x"), HiringSecret.LoadOrCreate(otherFolder).DatasetSeed("x"));
            Directory.Delete(otherFolder, recursive: true);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_damaged_secret_file_is_refused_not_replaced()
    {
        var folder = Directory.CreateTempSubdirectory("dsloop-secret-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, HiringSecret.FileName), [1, 2, 3]);
            Assert.Throws<IOException>(() => HiringSecret.LoadOrCreate(folder));
            Assert.Equal(3, new FileInfo(Path.Combine(folder, HiringSecret.FileName)).Length);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Token_comparison_refuses_a_different_a_truncated_or_a_malformed_hash()
    {
        var (token, hash) = InvitationTokens.New();
        Assert.True(InvitationTokens.Matches(token, hash));
        Assert.False(InvitationTokens.Matches(token + "A", hash));
        Assert.False(InvitationTokens.Matches(token, hash[..^2]));
        Assert.False(InvitationTokens.Matches(token, "zz" + hash[2..]));
        Assert.False(InvitationTokens.Matches(null, hash));
        Assert.False(InvitationTokens.Matches(token, null));
    }
}
