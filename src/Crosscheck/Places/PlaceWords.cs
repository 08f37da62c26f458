namespace Crosscheck.Places;

/// <summary>Small closed word lists the toponym rules consult (folded, lower case).</summary>
internal static class PlaceWords
{
    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.Ordinal);

    /// <summary>Titles and roles before a surname: "Gov. Jackson", "President Lincoln".</summary>
    public static readonly HashSet<string> PersonTitles = Set(
        "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "gov", "governor", "sen", "senator", "rep",
        "representative", "gen", "general", "col", "colonel", "lt", "capt", "captain", "sgt", "sergeant", "maj", "major",
        "judge", "justice", "sheriff", "deputy", "officer", "chief", "coach", "minister", "secretary", "king", "queen",
        "prince", "princess", "pope", "rev", "reverend", "father", "sister", "brother", "mayor", "commissioner",
        "attorney", "detective", "trooper", "chancellor", "premier", "ambassador", "lord", "lady", "sir", "dame",
        "pastor", "bishop", "cardinal", "cpl", "pvt", "adm", "admiral", "spokesman", "spokeswoman", "councilman",
        "councilwoman", "superintendent", "principal", "dean", "director", "agent", "jr", "sr");

    /// <summary>Verbs of speech after a name mark a person ("Jackson said").</summary>
    public static readonly HashSet<string> SpeechVerbs = Set(
        "said", "says", "told", "added", "wrote", "asked", "explained", "noted", "stated", "argued", "claimed", "testified", "replied", "recalled");

    /// <summary>A name followed by these is part of a street or building address, not a toponym.</summary>
    public static readonly HashSet<string> StreetWords = Set(
        "street", "st", "road", "rd", "avenue", "ave", "drive", "dr", "lane", "ln", "boulevard", "blvd", "highway", "hwy",
        "way", "court", "ct", "place", "pl", "parkway", "pkwy", "circle", "terrace", "pike", "trail", "square", "plaza");

    /// <summary>Institution nouns: "Gainesville Police", "Ohio University" still name a place.</summary>
    public static readonly HashSet<string> InstitutionWords = Set(
        "police", "county", "city", "department", "dept", "university", "college", "school", "schools", "hospital", "council",
        "airport", "board", "center", "centre", "district", "fire", "state", "public", "high", "middle", "elementary",
        "community", "regional", "metro", "area", "region", "province", "oblast", "township", "parish", "borough", "village",
        "town", "government", "court", "jail", "prison", "museum", "library", "zoo", "port", "harbor", "harbour", "bay",
        "river", "lake", "valley", "mountains", "mountain", "island", "islands", "army", "navy", "national", "international",
        "times", "post", "herald", "tribune", "journal", "news", "daily", "gazette", "chronicle", "star", "observer",
        "globe", "sun", "telegraph", "mirror", "guardian", "independent", "record", "register", "bulletin", "enquirer",
        "courier", "examiner", "inquirer", "press", "dispatch", "democrat", "republican", "leader", "sentinel", "standard",
        "metropolitan", "municipal", "county's", "township's", "memorial", "medical", "general", "regional", "unified",
        "rural", "urban", "downtown", "central", "north", "south", "east", "west",
        "sheriff", "sheriff's", "office", "commission", "authority", "health", "housing", "water", "electric", "transit",
        "chamber", "club", "church", "cathedral", "stadium", "arena", "market", "mall", "station", "embassy", "consulate",
        "parliament", "assembly", "legislature", "senate", "house", "ministry", "republic", "federation", "union",
        "kingdom", "empire", "forces", "military", "guard", "coast", "airlines", "airways", "railway", "railroad",
        "university's", "police's", "falls", "springs", "heights", "hills", "beach", "park", "county's", "city's");

    /// <summary>Words before a name that make it part of a larger name rather than a person's surname.</summary>
    public static readonly HashSet<string> NameModifiers = Set(
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower",
        "greater", "downtown", "metro", "metropolitan", "new", "old", "inner", "outer", "coastal", "rural", "urban",
        "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
        "mid", "midwest", "suburban", "occupied", "in", "at", "from", "to", "near");

    /// <summary>Capitalised words that name times, holidays or beings, never places in news prose.</summary>
    public static readonly HashSet<string> NotPlaces = Set(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "christmas", "easter", "passover", "ramadan",
        "hanukkah", "thanksgiving", "halloween", "god", "lord", "jesus", "allah", "mother", "father", "congress",
        "senate", "parliament", "government", "police", "army", "internet", "web", "twitter", "facebook", "google");

    /// <summary>Ordinary words that open sentences; a capitalised one of these before a name says nothing about persons.</summary>
    public static readonly HashSet<string> SentenceStarters = Set(
        "the", "a", "an", "but", "and", "or", "if", "when", "while", "after", "before", "since", "as", "for", "on", "by",
        "with", "without", "during", "last", "next", "this", "that", "these", "those", "then", "meanwhile", "although",
        "though", "because", "across", "throughout", "inside", "outside", "like", "unlike", "both", "many", "most", "some",
        "all", "every", "each", "until", "unless", "where", "whereas", "yet", "so", "also", "even", "only", "just", "now",
        "today", "yesterday", "tomorrow", "tonight", "here", "there", "about", "over", "under", "beyond", "via", "per",
        "visit", "visiting", "welcome", "leaving", "entering", "including", "between", "against", "toward", "towards",
        "into", "onto", "upon", "why", "how", "what", "who", "which", "whose", "our", "their", "his", "her", "its", "my",
        "your", "we", "they", "he", "she", "it", "i", "you", "not", "no", "yes", "several", "few", "more", "less", "other",
        "another", "such", "whether", "once", "twice", "again", "still", "already", "nearly", "almost", "around", "near");

    /// <summary>Directions that qualify a following name ("North London").</summary>
    public static readonly HashSet<string> Directions = Set(
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower",
        "greater", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern",
        "southwestern", "mid", "inner", "outer", "downtown", "far");

    /// <summary>Words after a place name that make it the name of a disease or pathogen.</summary>
    public static readonly HashSet<string> DiseaseWords = Set(
        "virus", "viruses", "ebolavirus", "fever", "flu", "influenza", "disease", "strain", "variant", "syndrome", "encephalitis");

    /// <summary>Locative prepositions: "in Reading" is good evidence for a place.</summary>
    public static readonly HashSet<string> Locatives = Set(
        "in", "at", "near", "from", "to", "outside", "around", "across", "into", "toward", "towards", "via", "through",
        "throughout", "between", "within", "inside", "nearby", "of");

    /// <summary>
    /// Locative prepositions of the other languages the news comes in ("am", "nach", "à", "dans", "в", "під"):
    /// a town right after one is read as a place even when the English entity model calls it a person.
    /// </summary>
    public static readonly HashSet<string> ForeignLocatives = FoldedSet(
        "am", "im", "in", "nach", "bei", "beim", "aus", "von", "vom", "nahe", "um", "zwischen",
        "à", "au", "aux", "en", "dans", "de", "près", "vers", "depuis",
        "en", "desde", "hacia", "cerca", "a", "da", "di", "presso", "nel", "nella",
        "в", "во", "у", "на", "под", "під", "из", "із", "з", "біля", "около", "возле", "поблизу", "w", "we", "pod", "koło", "z");

    /// <summary>
    /// Weekdays and months in the languages the news comes in: capitalised in German ("am Montag Charkiw"),
    /// they are never a given name or a surname before a town.
    /// </summary>
    public static readonly HashSet<string> CalendarWords = FoldedSet(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag", "januar", "jänner",
        "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "wochenende", "morgen", "abend", "nacht",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "janvier", "février", "mars", "avril",
        "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "enero", "febrero", "marzo", "abril",
        "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag");

    /// <summary>
    /// Capitalised German nouns that introduce a place ("die Stadt Charkiw", "im Gebiet Saporischschja"):
    /// in a language that capitalises every noun, one of these before a town marks no person's name.
    /// </summary>
    public static readonly HashSet<string> CapitalisedPlaceNouns = FoldedSet(
        "stadt", "hauptstadt", "großstadt", "kleinstadt", "hafenstadt", "grenzstadt", "frontstadt", "industriestadt",
        "metropole", "region", "gebiet", "bezirk", "kreis", "landkreis", "provinz", "dorf", "gemeinde", "ort", "ortschaft",
        "bundesland", "bundesstaat", "staat", "land", "republik", "oblast", "rajon", "großraum", "umgebung", "nähe",
        "stad", "dorp", "gemeente", "provincie");

    private static HashSet<string> FoldedSet(params string[] words) =>
        new(words.Select(PlaceNames.Fold).Where(w => w.Length > 0), StringComparer.Ordinal);

    /// <summary>Prepositions after which a capitalised name is almost surely a place ("in Dublin", not "to Jones").</summary>
    public static readonly HashSet<string> StrongLocatives = Set("in", "near", "outside", "at", "inside", "throughout", "across");

    /// <summary>Lower-case words allowed inside a multi-word name ("Rio de Janeiro", "Isle of Man").</summary>
    public static readonly HashSet<string> NameConnectors = Set(
        "of", "de", "del", "della", "la", "le", "les", "du", "da", "do", "dos", "das", "upon", "on", "am", "an", "der",
        "di", "el", "y", "en", "sur", "al", "bin", "the");

    /// <summary>Designators after a name that make it a region: "Kursk region", "Donetsk Oblast".</summary>
    public static readonly HashSet<string> RegionDesignators = Set(
        "region", "oblast", "province", "governorate", "state", "krai", "kray", "prefecture", "district", "county",
        "department", "republic", "okrug", "voivodeship", "canton", "parish", "territory", "emirate", "raion", "rayon",
        "regions", "provinces");

    /// <summary>
    /// Lower-case words hyphenated onto a place that say where something is or comes from: "New York-based",
    /// "Kursk-born", "Gainesville-area". Not "-led" or "-backed", which as often follow a person or a body.
    /// </summary>
    public static readonly HashSet<string> PlaceCompoundSuffixes = Set("based", "born", "bred", "raised", "headquartered", "area");

    /// <summary>Nouns that introduce a list of small places: "the villages of A, B and C".</summary>
    public static readonly HashSet<string> SettlementNouns = Set(
        "village", "villages", "town", "towns", "settlement", "settlements", "hamlet", "hamlets", "city", "cities",
        "community", "communities", "township", "townships", "locality", "localities", "suburb", "suburbs",
        "neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods", "district", "districts", "municipality",
        "municipalities", "commune", "communes");

    /// <summary>Words that say the place is only near what follows: "near Kursk", "outside Kyiv".</summary>
    public static readonly HashSet<string> NearWords = Set("near", "outside", "nearby", "close", "around", "north", "south", "east", "west",
        "northeast", "northwest", "southeast", "southwest", "km", "kilometers", "kilometres", "miles");

    private static readonly Lazy<HashSet<string>> CommonWordsLazy = new(() =>
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in EmbeddedModels.ReadLines("places", "common-words.txt"))
        {
            if (line.Length > 0 && line[0] != '#') set.Add(line);
        }
        return set;
    });

    /// <summary>Lower-case English words that are also place names ("nice", "reading", "bar").</summary>
    public static HashSet<string> CommonWords => CommonWordsLazy.Value;
}
