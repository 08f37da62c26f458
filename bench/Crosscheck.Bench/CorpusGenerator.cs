using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Crosscheck.Bench;

/// <summary>
/// Writes a realistic synthetic news corpus: many stories, many outlets, wire dispatches relayed
/// verbatim or rewritten, independent reports, and the traps of real reports (datelines, agency
/// prefixes, relative dates, units that must be converted, debris lines, undated reports).
/// Everything is invented from templates; a manifest records the truth (story, copy of what) so
/// story clustering, copy detection and origin counting can be scored on it.
/// </summary>
public sealed class CorpusGenerator
{
    private readonly Random _random;
    private readonly int _wordsPerArticle;

    public CorpusGenerator(int seed = 42, int wordsPerArticle = 600)
    {
        _random = new Random(seed);
        _wordsPerArticle = wordsPerArticle;
    }

    /// <summary>Writes <paramref name="articleCount"/> reports into <paramref name="folder"/> and a manifest.tsv.</summary>
    public GeneratedCorpus Write(string folder, int articleCount)
    {
        Directory.CreateDirectory(folder);
        var manifest = new StringBuilder("doc\tcluster\toutlet\tkind\tcopy_of\torigin\n");
        var claims = new StringBuilder("doc\tclaim\torigin\tsentence\n");
        long words = 0;
        int written = 0;
        int storyIndex = 0;
        using var jsonLines = new StreamWriter(Path.Combine(folder, "feed.jsonl"), false, new UTF8Encoding(false));
        while (written < articleCount)
        {
            var story = NewStory(storyIndex++);
            int reports = Math.Min(articleCount - written, 3 + _random.Next(10));
            var wire = Compose(story, story.Wire, independent: false, $"s{story.Index:D5}-r00");
            string? wireId = null;
            for (int r = 0; r < reports; r++)
            {
                var outlet = Outlets[_random.Next(Outlets.Length)];
                string kind;
                Composed composed;
                if (r == 0)
                {
                    kind = "original";
                    composed = wire;
                }
                else
                {
                    double roll = _random.NextDouble();
                    kind = roll < 0.4 ? "copy" : roll < 0.7 ? "rewrite" : "independent";
                    composed = kind switch
                    {
                        "copy" => wire with { Text = $"({story.Wire.Name}) " + wire.Text },
                        "rewrite" => Rewrite(story, wire),
                        _ => Compose(story, outlet, independent: true, $"s{story.Index:D5}-r{r:D2}"),
                    };
                }
                var body = AddDebris(composed.Text);
                var id = $"s{story.Index:D5}-r{r:D2}";
                foreach (var said in composed.Sentences)
                    claims.Append(id).Append('\t').Append(said.Claim).Append('\t').Append(said.Origin).Append('\t').Append(said.Sentence).Append('\n');
                wireId ??= id;
                var published = story.Date.AddDays(_random.Next(0, 3));
                bool undated = _random.NextDouble() < 0.1;
                words += CountWords(body);
                if (_random.NextDouble() < 0.15)
                {
                    jsonLines.WriteLine(JsonSerializer.Serialize(new
                    {
                        id,
                        title = story.Headline,
                        maintext = body,
                        date_publish = undated ? null : published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 08:00:00",
                        source_domain = outlet.Domain,
                        url = $"https://{outlet.Domain}/news/{id}",
                    }));
                }
                else
                {
                    var header = undated ? "" : $" date {published:yyyy-MM-dd} ";
                    File.WriteAllText(Path.Combine(folder, id + ".txt"), header + body, Encoding.UTF8);
                }
                manifest.Append(id).Append('\t').Append("story-").Append(story.Index).Append('\t').Append(outlet.Name).Append('\t')
                    .Append(kind).Append('\t').Append(kind is "copy" or "rewrite" ? wireId : "").Append('\t')
                    .Append(kind == "independent" ? story.SecondOrigin : story.Origin).Append('\n');
                written++;
            }
        }
        File.WriteAllText(Path.Combine(folder, "manifest.tsv"), manifest.ToString());
        File.WriteAllText(Path.Combine(folder, "claims.tsv"), claims.ToString());
        File.WriteAllText(Path.Combine(folder, "gold.tsv"), string.Join('\n', manifest.ToString().Split('\n')
            .Where(l => l.Length > 0).Select(l => string.Join('\t', l.Split('\t').Take(2)))) + "\n");
        return new GeneratedCorpus(folder, written, words);
    }

    private Story NewStory(int index)
    {
        var region = Regions[_random.Next(Regions.Length)];
        var kind = StoryKinds[_random.Next(StoryKinds.Length)];
        var person = People[_random.Next(People.Length)];
        var date = new DateOnly(2023, 1, 1).AddDays(_random.Next(0, 700));
        int casualties = 5 + _random.Next(200);
        int area = 50 + _random.Next(1500);
        return new Story(index, kind, region, person, date, casualties, area,
            Origins[_random.Next(Origins.Length)], Origins[_random.Next(Origins.Length)], Wires[_random.Next(Wires.Length)]);
    }

    /// <summary>
    /// One newsroom's report of the story. Every sentence is recorded with who it comes from: a
    /// named source (the story's authority, its official, a government, an agency) is one origin
    /// wherever it is quoted; an unnamed one ("witnesses", "officials") and the reporter's own
    /// lines belong to the report that reached them (<paramref name="reportId"/>, the dispatch for
    /// its copies and rewrites), so two reports' witnesses are two origins.
    /// </summary>
    private Composed Compose(Story story, Outlet outlet, bool independent, string reportId)
    {
        var text = new StringBuilder();
        var dateline = _random.NextDouble() < 0.5 ? $"{story.Region.Town.ToUpperInvariant()}, {story.Date.AddDays(1):MMM d} ({outlet.Name}) - " : "";
        text.Append(dateline);
        var origin = independent ? story.SecondOrigin : story.Origin;
        var casualties = independent ? story.Casualties + _random.Next(-3, 10) : story.Casualties;
        string Unnamed(string who) => $"{who} ({outlet.Name}, {reportId})";
        string own = Unnamed("reporter");
        var lines = new List<Said>
        {
            new(Fill(story, $"At least {casualties} people were killed or injured in the {story.Kind.Noun} near {story.Region.Town} in the {story.Region.Name} on {story.Date.AddDays(-1).DayOfWeek}, {origin} said."), "casualties", origin),
            new(Fill(story, $"{story.Person.Title} {story.Person.Name} said on {story.Date.DayOfWeek} that the authorities were doing everything possible to help the victims."), "help", story.Person.Name),
            new(Fill(story, $"\"We have never seen anything like this in {story.Region.Town},\" {story.Person.Surname} said in an address."), "quote", story.Person.Name),
            new(Fill(story, $"The {story.Kind.Noun} affected an area of about {story.Area:N0} square kilometres, according to {origin}."), "area", origin),
            new(Fill(story, $"Local media reported that the damage covered some {story.Area / 2.59:N0} square miles, down from earlier estimates of {story.Area * 2:N0} square kilometres."), "area-miles", Unnamed("local media")),
            new(Fill(story, $"The claims could not be independently verified."), "unverified", own),
            new(Fill(story, $"Last month, officials in the {story.Region.Name} warned of the risk of a {story.Kind.Noun}."), "warning", Unnamed("regional officials")),
        };
        int sentenceWords = lines.Sum(l => CountWords(l.Sentence));
        while (sentenceWords < _wordsPerArticle)
        {
            // A newsroom writing on its own tells the background in its own words: sentences put
            // together from parts, so two independent reports rarely share a run of four words.
            Said filler;
            if (independent)
            {
                int opener = _random.Next(OwnWordsOpeners.Length), body = _random.Next(OwnWordsFillers.Length), closer = _random.Next(OwnWordsClosers.Length);
                filler = new(Fill(story, $"{OwnWordsOpeners[opener]} {OwnWordsFillers[body].Text} {OwnWordsClosers[closer]}"), "background-" + body, OriginOf(OwnWordsFillers[body].Source));
            }
            else
            {
                int body = _random.Next(Fillers.Length);
                filler = new(Fill(story, Fillers[body].Text), "background-" + body, OriginOf(Fillers[body].Source));
            }
            lines.Insert(1 + _random.Next(lines.Count), filler);
            sentenceWords += CountWords(filler.Sentence);
        }
        for (int i = 0; i < lines.Count; i++)
        {
            text.Append(lines[i].Sentence);
            text.Append(i % 3 == 2 ? "\n\n" : " ");
        }
        return new Composed(text.ToString().TrimEnd(), [.. lines.Select(l => l with { Sentence = l.Sentence.Trim() })]);

        string OriginOf(string? source) => source switch
        {
            null => own,
            "{person}" => story.Person.Name,
            "{government}" => $"the government of {story.Region.Country}",
            "{administration}" => $"the administration of {story.Region.Town}",
            _ => Unnamed(source),
        };
    }

    private string Fill(Story story, string template) => template
        .Replace("{town}", story.Region.Town)
        .Replace("{region}", story.Region.Name)
        .Replace("{country}", story.Region.Country)
        .Replace("{noun}", story.Kind.Noun)
        .Replace("{verb}", story.Kind.Verb)
        .Replace("{person}", story.Person.Name)
        .Replace("{surname}", story.Person.Surname)
        .Replace("{number}", (10 + _random.Next(990)).ToString("N0", CultureInfo.InvariantCulture))
        .Replace("{weekday}", story.Date.AddDays(-_random.Next(1, 6)).DayOfWeek.ToString());

    /// <summary>
    /// A newsroom's rewrite of the wire dispatch: it keeps the lede and about half of the
    /// dispatch's paragraphs (lightly edited, in another order) and names the agency, so only
    /// part of the dispatch is in it.
    /// </summary>
    private Composed Rewrite(Story story, Composed wire)
    {
        var paragraphs = wire.Text.Split("\n\n").ToList();
        var kept = new List<string> { paragraphs[0] };
        for (int i = 1; i < paragraphs.Count; i++)
            if (_random.NextDouble() < 0.5) kept.Insert(1 + _random.Next(kept.Count), paragraphs[i]);
        var credit = $"The {story.Wire.Name} reported the figures first.";
        var visit = $"{story.Person.Surname} is expected to visit {story.Region.Town} again, the {story.Wire.Name} reported.";
        kept.Insert(1, credit);
        kept.Add(visit);
        var text = Edit(string.Join("\n\n", kept));
        // The dispatch's sentences that survived, edited the same way, keep their origins.
        var sentences = wire.Sentences.Select(s => s with { Sentence = Edit(s.Sentence) }).Where(s => text.Contains(s.Sentence, StringComparison.Ordinal)).ToList();
        sentences.Add(new Said(credit, "credit", story.Wire.Name));
        sentences.Add(new Said(Edit(visit), "visit", story.Wire.Name));
        return new Composed(text, sentences);

        static string Edit(string text) => text.Replace(" said.", " told reporters.").Replace("people", "residents");
    }

    private string AddDebris(string body)
    {
        var debris = new StringBuilder();
        if (_random.NextDouble() < 0.2) debris.Append("Listen to this article\n\n");
        debris.Append(body);
        if (_random.NextDouble() < 0.3)
        {
            var headline = UnrelatedHeadlines[_random.Next(UnrelatedHeadlines.Length)];
            debris.Append("\n\n").Append(headline).Append('\n').Append("Markets ").Append(headline);
        }
        if (_random.NextDouble() < 0.3) debris.Append("\n\nPhoto: Staff photographer");
        if (_random.NextDouble() < 0.3) debris.Append("\n\nRead also: weather outlook for the weekend");
        return debris.ToString();
    }

    private static int CountWords(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            bool letter = char.IsLetterOrDigit(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    /// <summary>A report's text and where each of its sentences comes from.</summary>
    private sealed record Composed(string Text, IReadOnlyList<Said> Sentences);

    /// <param name="Claim">Which of the story's propositions the sentence states ("casualties", "background-4").</param>
    /// <param name="Origin">Its primary source: a name, or an unnamed source with the newsroom and report that reached it.</param>
    private sealed record Said(string Sentence, string Claim, string Origin);

    /// <param name="Source">Who the sentence cites: null for the reporter's own line, "{person}", "{government}" or "{administration}" for the story's named ones, else an unnamed kind of source.</param>
    private sealed record Line(string Text, string? Source);

    private sealed record Region(string Name, string Town, string Country);
    private sealed record StoryKind(string Noun, string Verb);
    private sealed record Person(string Title, string Name, string Surname);
    private sealed record Outlet(string Name, string Domain);
    private sealed record Story(int Index, StoryKind Kind, Region Region, Person Person, DateOnly Date, int Casualties, int Area, string Origin, string SecondOrigin, Outlet Wire)
    {
        public string Headline => $"{Kind.Noun[..1].ToUpperInvariant()}{Kind.Noun[1..]} near {Region.Town} leaves at least {Casualties} killed or injured";
    }

    private static readonly Region[] Regions =
    [
        new("Kherson region", "Beryslav", "Ukraine"), new("Kursk region", "Sudzha", "Russia"), new("Bavaria", "Passau", "Germany"),
        new("Lombardy", "Bergamo", "Italy"), new("Silesia", "Gliwice", "Poland"), new("Provence", "Arles", "France"),
        new("Anatolia", "Konya", "Turkey"), new("Gyeonggi province", "Paju", "South Korea"), new("Galicia", "Lugo", "Spain"),
        new("Transylvania", "Sibiu", "Romania"), new("Kharkiv region", "Izium", "Ukraine"), new("Belgorod region", "Shebekino", "Russia"),
    ];

    private static readonly StoryKind[] StoryKinds =
    [
        new("flood", "flooded"), new("dam breach", "breached"), new("wildfire", "burned"), new("drone strike", "struck"),
        new("artillery attack", "shelled"), new("train derailment", "derailed"), new("factory explosion", "exploded"), new("landslide", "buried"),
    ];

    private static readonly Person[] People =
    [
        new("Governor", "Olena Marchuk", "Marchuk"), new("Mayor", "Tomasz Wrona", "Wrona"), new("Minister", "Ilse Brandauer", "Brandauer"),
        new("President", "Andriy Koval", "Koval"), new("Prefect", "Claire Dumoulin", "Dumoulin"), new("Governor", "Mehmet Arslan", "Arslan"),
    ];

    private static readonly string[] Origins =
    [
        "the regional emergency service", "the interior ministry", "the state fire service", "the military administration",
        "the national police", "a local hospital", "the civil protection agency",
    ];

    private static readonly Outlet[] Wires = [new("Meridian Press Agency", "meridianpress.example"), new("Continental Wire", "contiwire.example")];

    private static readonly Outlet[] Outlets =
    [
        new("Harbor Courier", "harborcourier.example"), new("Valley Post", "valleypost.example"), new("The Northern Ledger", "northernledger.example"),
        new("Daily Meridian", "dailymeridian.example"), new("Riverside Times", "riversidetimes.example"), new("Capital Observer", "capitalobserver.example"),
        new("Eastern Herald", "easternherald.example"), new("Morning Dispatch", "morningdispatch.example"), new("Coastal Gazette", "coastalgazette.example"),
        new("Plains Chronicle", "plainschronicle.example"), new("Metro Bulletin", "metrobulletin.example"), new("Highland News", "highlandnews.example"),
    ];

    private static readonly string[] UnrelatedHeadlines =
    [
        "Central bank holds rates steady as inflation cools", "Local team wins regional cup after penalty shootout",
        "New museum wing opens to the public", "Tech shares slide ahead of earnings season",
    ];

    private static readonly Line[] Fillers =
    [
        new("Rescue teams worked through the night near {town} to reach people trapped by the {noun}.", null),
        new("Residents of {town} described scenes of chaos as the {noun} spread through the area on {weekday}.", "residents"),
        new("The authorities in the {region} declared a state of emergency and asked residents to stay indoors.", null),
        new("{person} promised compensation to families who lost their homes in the {noun}.", "{person}"),
        new("Officials said {number} people had been evacuated from villages around {town}.", "officials"),
        new("Emergency crews from neighbouring districts were sent to the {region} to help with the response.", null),
        new("Aid organisations said they had delivered {number} tonnes of supplies to the affected area.", "aid organisations"),
        new("The cause of the {noun} was not immediately clear, and an investigation has been opened.", null),
        new("Critics accused the authorities of ignoring earlier warnings about the risks in the {region}.", "critics"),
        new("{surname} told reporters that the situation in {town} remained difficult but under control.", "{person}"),
        new("Schools in {town} will remain closed until the end of the week, the local administration said.", "{administration}"),
        new("Roads leading to {town} were blocked, and rail services in the {region} were suspended.", null),
        new("The government of {country} said it would send additional teams to the {region} on {weekday}.", "{government}"),
        new("Witnesses said the {noun} began in the early hours of {weekday} and spread quickly.", "witnesses"),
        new("Insurance companies estimated the damage at more than {number} million euros.", "insurers"),
    ];

    private static readonly string[] OwnWordsOpeners =
    [
        "Later,", "Meanwhile,", "Separately,", "Overnight,", "Still,", "Earlier,", "Also,", "Then,", "Locally,", "Since then,", "So far,", "",
    ];

    private static readonly string[] OwnWordsClosers =
    [
        "Calm returned slowly.", "Tension remains.", "Help continues.", "Updates follow.", "Anxiety persists.", "", "", "",
    ];

    /// <summary>The background of <see cref="Fillers"/> as an independent newsroom would write it.</summary>
    private static readonly Line[] OwnWordsFillers =
    [
        new("Through the night, crews kept digging to free those still stuck after the {noun} struck close to {town}.", null),
        new("People living in {town} spoke of panic when the {noun} swept across their streets on {weekday}.", "residents"),
        new("A state of emergency now covers the {region}, where officials urged everyone to keep off the roads.", "officials"),
        new("Families whose houses were destroyed will be paid for their losses, {person} pledged.", "{person}"),
        new("Around {number} villagers near {town} were moved out of harm's way, according to local officials.", "officials"),
        new("Neighbouring districts dispatched extra crews to back up the response across the {region}.", null),
        new("Relief groups reported bringing {number} tonnes of food, water and blankets into the stricken zone.", "aid organisations"),
        new("Nobody could yet say what set off the {noun}; investigators have started looking into it.", null),
        new("Opposition figures charged that warnings about the danger in the {region} had gone unheeded.", "critics"),
        new("Things in {town} were hard but manageable, {surname} insisted when asked by journalists.", "{person}"),
        new("Classes across {town} are cancelled for the rest of the week, according to the district office.", "{administration}"),
        new("Train traffic across the {region} stopped and several approaches to {town} were cut off.", null),
        new("Additional rescuers from {country} are due in the {region} on {weekday}, its government announced.", "{government}"),
        new("Eyewitnesses recalled the {noun} starting before dawn on {weekday} and moving fast.", "witnesses"),
        new("Insurers put the bill for the destruction above {number} million euros.", "insurers"),
    ];
}

public sealed record GeneratedCorpus(string Folder, int Articles, long Words);
