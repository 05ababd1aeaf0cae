using System.CommandLine;

namespace DsLoop.Cli.Commands;

internal static class ArgumentRules
{
    /// <summary>
    /// System.CommandLine hands an unknown "--flag" to an optional argument; treat it as the unknown
    /// option it almost certainly is, so typos exit 2 instead of being read as a path.
    /// </summary>
    public static void RejectOptionLookalikes<T>(this Argument<T> argument) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && token.Value.Length > 1)
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });
}
