namespace Crosscheck.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Output (tables, dossiers, scores) reads the same on every machine, whatever its locale.
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        return CliApp.Run(args);
    }
}
