using System.CommandLine;
using Crosscheck.Claims;
using Crosscheck.Entities;
using Crosscheck.Events;
using Crosscheck.Language;
using Crosscheck.Places;
using Crosscheck.Store;

namespace Crosscheck.Cli.Commands;

/// <summary>`crosscheck train ...` (rebuild the committed models and tables) and `crosscheck export ...`.</summary>
internal static class ExtraCommands
{
    public static IEnumerable<Command> Create(TextWriter output, TextWriter error)
    {
        yield return Train(output);
        yield return Export(output, error);
    }

    private static Command Train(TextWriter output)
    {
        var train = new Command("train", "Rebuild a committed model or table from its source data (see docs/MODELS.md and scripts/train-models.sh).");

        var nerDatasets = new Option<string>("--datasets") { Description = "The shared datasets folder; trains on its standard NER files (see docs/MODELS.md).", DefaultValueFactory = _ => Path.Combine("..", "shared", "datasets") };
        var nerData = new Option<string[]>("--data") { Description = "Train on these CoNLL files instead (token first column, tag last).", AllowMultipleArgumentsPerToken = true };
        var nerOut = new Option<string>("--out") { Description = "Model file to write.", DefaultValueFactory = _ => Path.Combine("models", "ner", NerModel.ResourceFileName) };
        var epochs = new Option<int>("--epochs") { Description = "Training passes.", DefaultValueFactory = _ => 8 };
        var heldOut = new Option<string?>("--held-out-dir") { Description = "Write the held-out part of each file here as CoNLL, for `crosscheck eval entities`." };
        var seed = new Option<int>("--seed") { Description = "Seeds the sentence shuffle; other seeds show how much a score moves by chance.", DefaultValueFactory = _ => new NerTrainingOptions { TrainingFiles = [] }.Seed };
        var ner = new Command("ner", "Train the named-entity recogniser (averaged perceptron).") { nerDatasets, nerData, nerOut, epochs, heldOut, seed };
        ner.SetAction(parsed =>
        {
            var report = NerTrainer.Train(new NerTrainingOptions
            {
                TrainingFiles = parsed.GetValue(nerData) is { Length: > 0 } files
                    ? RequireFiles(files)
                    : NerTrainer.DefaultTrainingFiles(RequireFolder(parsed.GetValue(nerDatasets)!)),
                OutputPath = parsed.GetValue(nerOut)!,
                Epochs = parsed.GetValue(epochs),
                Seed = parsed.GetValue(seed),
                HeldOutDirectory = parsed.GetValue(heldOut),
                Log = output.WriteLine,
            });
            output.WriteLine($"wrote {report.ModelPath}: {report.TrainingSentences:N0} training sentences, {report.HeldOutSentences:N0} held out");
            return CliApp.ExitOk;
        });
        train.Add(ner);

        var clusterDatasets = new Option<string>("--datasets") { Description = "The shared datasets folder; reads the unlabeled text listed in models/ner/SOURCES.md.", DefaultValueFactory = _ => Path.Combine("..", "shared", "datasets") };
        var clusterOut = new Option<string>("--out") { Description = "Cluster table to write.", DefaultValueFactory = _ => Path.Combine("models", "ner", WordClusters.ResourceFileName) };
        var clusterClasses = new Option<int>("--classes") { Description = "Leaves of the cluster tree.", DefaultValueFactory = _ => new WordClusteringOptions().ClassCount };
        var clusterMinimum = new Option<int>("--min-count") { Description = "Words seen fewer times get no cluster.", DefaultValueFactory = _ => new WordClusteringOptions().MinimumCount };
        var clusters = new Command("clusters", "Induce the word clusters the NER model reads as features (retrain ner afterwards).") { clusterDatasets, clusterOut, clusterClasses, clusterMinimum };
        clusters.SetAction(parsed =>
        {
            var sentences = ClusterCorpus.Read(RequireFolder(parsed.GetValue(clusterDatasets)!), output.WriteLine);
            var words = WordClusterer.Cluster(sentences, new WordClusteringOptions
            {
                ClassCount = parsed.GetValue(clusterClasses),
                MinimumCount = parsed.GetValue(clusterMinimum),
                Log = output.WriteLine,
            });
            string path = parsed.GetValue(clusterOut)!;
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null) Directory.CreateDirectory(directory);
            using (var file = File.Create(path)) WordClusters.Write(words, file);
            output.WriteLine($"wrote {path}: {words.Count:N0} words");
            return CliApp.ExitOk;
        });
        train.Add(clusters);

        var truecaseDatasets = new Option<string>("--datasets") { Description = "The shared datasets folder; reads the same NER files as `train ner`.", DefaultValueFactory = _ => Path.Combine("..", "shared", "datasets") };
        var truecaseOut = new Option<string>("--out") { Description = "Word list to write.", DefaultValueFactory = _ => Path.Combine("models", "ner", Truecaser.ResourceFileName) };
        var truecase = new Command("truecase", "Derive the list of words news prose writes in lower case, which recases headlines before NER.") { truecaseDatasets, truecaseOut };
        truecase.SetAction(parsed =>
        {
            var words = Truecaser.DeriveLowercaseWords(NerTrainer.DefaultTrainingFiles(RequireFolder(parsed.GetValue(truecaseDatasets)!)));
            string path = parsed.GetValue(truecaseOut)!;
            using (var file = File.Create(path)) Truecaser.Write(words, file);
            output.WriteLine($"wrote {path}: {words.Count:N0} words");
            return CliApp.ExitOk;
        });
        train.Add(truecase);

        var atlas = new Option<string>("--world-atlas") { Description = "TopoJSON countries file of npm world-atlas (countries-50m.json).", Required = true };
        var atlasOut = new Option<string>("--out") { Description = "Outline table to write.", DefaultValueFactory = _ => Path.Combine("models", "places", WorldOutlines.ResourceFileName) };
        var worldMap = new Command("world-map", "Derive the offline map's country outlines (Natural Earth via npm world-atlas).") { atlas, atlasOut };
        worldMap.SetAction(parsed =>
        {
            var source = parsed.GetValue(atlas)!;
            if (!File.Exists(source)) throw new UsageException($"'{source}' does not exist.");
            string path = parsed.GetValue(atlasOut)!;
            (int countries, int points) built;
            using (var file = File.Create(path)) built = WorldOutlines.BuildFromTopoJson(source, file);
            output.WriteLine($"wrote {path}: {built.countries:N0} countries, {built.points:N0} points");
            return CliApp.ExitOk;
        });
        train.Add(worldMap);

        var placeNamesSource = new Option<string>("--geonames") { Description = "GeoNames cities500.txt.", Required = true };
        var placeNamesOut = new Option<string>("--out") { Description = "Name set to write.", DefaultValueFactory = _ => Path.Combine("models", "ner", PlaceNameSet.ResourceFileName) };
        var alternateCountries = new Option<string>("--alternate-name-countries")
        {
            Description = "ISO country codes whose places keep their transliterated alternate names too (the shipped set used RU,UA,BY).",
            DefaultValueFactory = _ => "RU,UA,BY",
        };
        var placeNames = new Command("place-names", "Derive the place-name feature set the NER model reads (retrain ner afterwards).") { placeNamesSource, placeNamesOut, alternateCountries };
        placeNames.SetAction(parsed =>
        {
            var source = parsed.GetValue(placeNamesSource)!;
            if (!File.Exists(source)) throw new UsageException($"'{source}' does not exist.");
            var countries = parsed.GetValue(alternateCountries)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => c.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
            int count = PlaceNameSet.BuildFromGeoNames(source, parsed.GetValue(placeNamesOut)!, countries, 50_000);
            output.WriteLine($"wrote {parsed.GetValue(placeNamesOut)}: {count:N0} names");
            return CliApp.ExitOk;
        });
        train.Add(placeNames);

        var geonames = new Option<string>("--geonames") { Description = "Folder with GeoNames cities500.txt, admin1.json, admin2.json.", Required = true };
        var isoCodes = new Option<string?>("--iso-codes") { Description = "Debian iso-codes JSON folder (/usr/share/iso-codes/json)." };
        var gazetteerOut = new Option<string>("--out") { Description = "Table to write.", Required = true };
        var gazetteer = new Command("gazetteer", "Derive the compact gazetteer from GeoNames and ISO 3166.") { geonames, isoCodes, gazetteerOut };
        gazetteer.SetAction(parsed =>
        {
            var summary = GazetteerBuilder.Build(RequireFolder(parsed.GetValue(geonames)!), parsed.GetValue(isoCodes), parsed.GetValue(gazetteerOut)!);
            output.WriteLine($"wrote {parsed.GetValue(gazetteerOut)}: {summary}");
            return CliApp.ExitOk;
        });
        train.Add(gazetteer);

        var exttextcat = new Option<string>("--exttextcat") { Description = "Folder of TextCat .lm profiles (Debian libexttextcat-data: /usr/share/libexttextcat).", Required = true };
        var languageOut = new Option<string>("--out") { Description = "Profile table to write.", Required = true };
        var language = new Command("language", "Derive the language-identification profiles.") { exttextcat, languageOut };
        language.SetAction(parsed =>
        {
            int count = LanguageProfileBuilder.Build(RequireFolder(parsed.GetValue(exttextcat)!), parsed.GetValue(languageOut)!);
            output.WriteLine($"wrote {parsed.GetValue(languageOut)}: {count} profiles");
            return CliApp.ExitOk;
        });
        train.Add(language);

        var polnear = new Option<string>("--polnear") { Description = "PolNeAR-style brat training folder (text/ and attributions/).", Required = true };
        var attributionOut = new Option<string>("--out") { Description = "Cue-prior table to write.", Required = true };
        var attribution = new Command("attribution", "Learn attribution cue priors from annotated news.") { polnear, attributionOut };
        attribution.SetAction(parsed =>
        {
            var summary = AttributionTrainer.Train(RequireFolder(parsed.GetValue(polnear)!), parsed.GetValue(attributionOut)!, output);
            output.WriteLine($"wrote {summary.OutputPath}: {summary.Documents:N0} documents, {summary.Attributions:N0} attributions");
            return CliApp.ExitOk;
        });
        train.Add(attribution);
        return train;
    }

    private static Command Export(TextWriter output, TextWriter error)
    {
        var what = new Argument<string>("WHAT") { Description = "What to export: events." };
        var format = new Option<string>("--format") { Description = "Output format: acled (ACLED-compatible CSV).", DefaultValueFactory = _ => "acled" };
        var db = new Option<string>("--db") { Description = "The store to export from: an SQLite file or postgres://user@host/db.", DefaultValueFactory = _ => "crosscheck.db" };
        var outFile = new Option<string?>("--out") { Description = "File to write (default: standard output)." };
        var export = new Command("export", "Export stored analyses in other formats.") { what, format, db, outFile };
        export.SetAction(parsed =>
        {
            if (parsed.GetValue(what) != "events") throw new UsageException($"cannot export '{parsed.GetValue(what)}'; try: events.");
            if (parsed.GetValue(format) != "acled") throw new UsageException($"unknown format '{parsed.GetValue(format)}'; try: acled.");
            var dbPath = parsed.GetValue(db)!;
            if (!StoreFactory.IsPostgres(dbPath) && !File.Exists(dbPath)) throw new UsageException($"no database at '{dbPath}'; run `crosscheck analyze` first or pass --db.");
            using var store = StoreFactory.Open(dbPath);
            var target = parsed.GetValue(outFile);
            using var writer = target is null ? null : new StreamWriter(target);
            AcledCsv.Write(writer ?? output, store.ReadAll());
            if (target is not null) output.WriteLine($"wrote {Path.GetFullPath(target)}");
            return CliApp.ExitOk;
        });
        return export;
    }

    private static string[] RequireFiles(string[] files)
    {
        foreach (var file in files)
        {
            if (!File.Exists(file)) throw new UsageException($"training file '{file}' does not exist.");
        }
        return files;
    }

    private static string RequireFolder(string folder) =>
        Directory.Exists(folder) ? folder : throw new UsageException($"folder '{folder}' does not exist.");
}
