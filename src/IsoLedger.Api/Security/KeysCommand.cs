using System.Globalization;
using JasperFx.CommandLine;

namespace IsoLedger.Api.Security;

/// <summary>Lower case: the command line parses the action by its exact name (<c>keys create</c>).</summary>
public enum KeysAction
{
    create,
}

public sealed class KeysInput
{
    [Description("What to do: create")]
    public KeysAction Action { get; set; }

    [Description("The key's name, recorded on every event it writes (letters, digits, '.', '_', '-')")]
    public string NameFlag { get; set; } = "";

    [Description("Its roles: recorder, inspector, auditor, viewer, admin (several: --role recorder viewer)")]
    public List<string> RoleFlag { get; set; } = [];

    /// <summary>Text, read by the command: the command line's parser answered a number past its range with a stack
    /// trace.</summary>
    [Description("Its position in IsoLedger:ApiKeys: the next number not used in the environment file")]
    public string IndexFlag { get; set; } = "0";
}

/// <summary><c>dotnet IsoLedger.Api.dll keys create --name province-office --role recorder</c>: prints a new key once
/// and the lines that configure it. Needs no database and touches no configuration.</summary>
[Description("Create an API key and print the configuration lines for it")]
public sealed class KeysCommand : JasperFxCommand<KeysInput>
{
    public override bool Execute(KeysInput input)
    {
        NewApiKey key;
        try
        {
            key = NewApiKey.Create(input.NameFlag, input.RoleFlag);
        }
        catch (ArgumentException invalid)
        {
            Console.Error.WriteLine(invalid.Message);
            return false;
        }
        if (!int.TryParse(input.IndexFlag, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            Console.Error.WriteLine($"--index '{input.IndexFlag}' is not a whole number from 0 to {int.MaxValue}.");
            return false;
        }
        Console.WriteLine($"# API key '{key.Name}' ({string.Join(", ", key.Roles)}). Give it to its holder now:");
        Console.WriteLine("# it is not stored anywhere and cannot be shown again.");
        Console.WriteLine($"# key: {key.Key}");
        Console.WriteLine("# Add these lines to the environment file (change the index if it is taken) and restart:");
        foreach (var line in key.EnvironmentLines(index)) Console.WriteLine(line);
        return true;
    }
}
