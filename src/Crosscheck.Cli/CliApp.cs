namespace Crosscheck.Cli;

/// <summary>The `crosscheck` command line; commands are added as the stages land.</summary>
public static class CliApp
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("crosscheck: no commands yet");
        return 2;
    }
}
