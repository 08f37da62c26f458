using System.Collections.Frozen;

namespace Crosscheck.Entities;

/// <summary>
/// Small closed word lists the recogniser uses as features and the stage uses as rules. They are
/// deliberately short: the model learns the open classes from data; these name the classes news
/// text spells the same way every time (titles, unit nouns, nationality adjectives).
/// </summary>
internal static class Lexicons
{
    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Legal-form words that end a company's name and are often left out ("Apple Inc." / "Apple").</summary>
    public static readonly FrozenSet<string> CompanySuffixes = Set(
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "llc", "llp", "lp", "ag", "gmbh",
        "sa", "nv", "bv", "spa", "ab", "asa", "oyj", "pte", "pty", "kk", "group", "holdings", "holding");

    /// <summary>
    /// Words that, after a name, only say what kind of body it is ("AirTran Airways", "Apple
    /// Computer"): the short name and the long one are one organisation. Legal forms included.
    /// </summary>
    public static readonly FrozenSet<string> OrganizationTails = CompanySuffixes.Concat(
    [
        "airlines", "airline", "airways", "air", "aviation", "aerospace", "bank", "motors", "motor", "energy", "oil", "petroleum", "gas",
        "telecom", "telecommunications", "communications", "computer", "computers", "technologies", "technology", "systems",
        "industries", "pharmaceuticals", "pharma", "foods", "international", "worldwide", "global", "foundation", "institute",
        "association", "federation", "union", "party", "club", "fc",
    ]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that open a person's title and are not part of the name ("President", "Maj.").</summary>
    public static readonly FrozenSet<string> Titles = Set(
        "president", "vice", "prime", "minister", "ministers", "secretary", "secretary-general", "general", "gen", "gen.",
        "lieutenant", "lt", "lt.", "colonel", "col", "col.", "major", "maj", "maj.", "captain", "capt", "capt.", "sergeant",
        "sgt", "sgt.", "admiral", "adm", "adm.", "commander", "cmdr", "cmdr.", "chief", "deputy", "foreign", "defence", "defense",
        "interior", "finance", "state", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor",
        "king", "queen", "prince", "princess", "pope", "sheikh", "senator", "sen", "sen.", "governor", "gov", "gov.",
        "mayor", "ambassador", "envoy", "chancellor", "premier", "spokesperson", "spokesman", "spokeswoman", "leader",
        "chairman", "chairwoman", "chair", "director", "head", "commander-in-chief", "marshal", "field", "brigadier",
        "rep", "rep.", "representative", "congressman", "congresswoman", "judge", "justice", "cardinal", "archbishop",
        "bishop", "rev", "rev.", "reverend", "president-elect", "ex-president", "former", "acting", "sir", "lord", "lady",
        "emir", "crown", "supreme", "officer", "private", "pvt", "pvt.", "cpl", "cpl.", "corporal", "staff");

    /// <summary>Nationality and demonym adjectives (GMB's "gpe"); plural demonyms name groups of people.</summary>
    public static readonly FrozenSet<string> Nationalities = Set(
        "ukrainian", "ukrainians", "russian", "russians", "korean", "koreans", "american", "americans", "british", "chinese",
        "french", "german", "germans", "iranian", "iranians", "iraqi", "iraqis", "syrian", "syrians", "israeli", "israelis",
        "palestinian", "palestinians", "afghan", "afghans", "pakistani", "pakistanis", "indian", "indians", "japanese",
        "turkish", "polish", "belarusian", "belarusians", "georgian", "georgians", "chechen", "chechens", "european",
        "europeans", "western", "soviet", "lebanese", "egyptian", "egyptians", "saudi", "saudis", "yemeni",
        "yemenis", "kurdish", "kurds", "somali", "somalis", "sudanese", "libyan", "libyans", "nigerian", "nigerians",
        "kenyan", "mexican", "canadian", "canadians", "australian", "australians", "italian", "italians", "spanish",
        "dutch", "swedish", "finnish", "norwegian", "danish", "estonian", "latvian", "lithuanian", "moldovan", "romanian",
        "hungarian", "czech", "slovak", "serbian", "serbs", "croatian", "bosnian", "albanian", "greek", "cypriot",
        "armenian", "armenians", "azerbaijani", "kazakh", "uzbek", "tajik", "kyrgyz", "turkmen", "mongolian", "vietnamese",
        "thai", "burmese", "indonesian", "filipino", "malaysian", "taiwanese", "tibetan", "uighur", "uyghur", "arab", "arabs",
        "jewish", "muslim", "muslims", "christian", "christians", "shiite", "sunni", "taliban", "venezuelan", "cuban",
        "colombian", "brazilian", "argentine", "chilean", "peruvian", "ethiopian", "eritrean", "congolese", "rwandan",
        "ugandan", "zimbabwean", "crimean", "tatar", "tatars", "houthi", "houthis", "westerners");

    /// <summary>Words that head organisation names ("Ministry of Defence", "Wagner Group").</summary>
    public static readonly FrozenSet<string> OrganizationKeywords = Set(
        "ministry", "agency", "directorate", "department", "office", "service", "services", "council", "committee",
        "commission", "army", "navy", "forces", "force", "guard", "command", "staff", "bureau", "intelligence", "party",
        "union", "organization", "organisation", "association", "institute", "university", "company", "corporation", "corp",
        "inc", "ltd", "group", "bank", "fund", "court", "parliament", "assembly", "congress", "senate", "government",
        "administration", "news", "press", "times", "post", "journal", "television", "tv", "radio", "network", "federation",
        "foundation", "alliance", "coalition", "movement", "front", "brigade", "regiment", "battalion", "division", "corps",
        "kremlin", "pentagon", "reuters", "yonhap", "kcna", "tass", "ria", "afp", "ap", "bbc", "cnn", "channel", "telegram");

    /// <summary>
    /// Words that end the title of a newspaper or news site ("Kyiv Independent", "Ukrainska Pravda",
    /// "Jerusalem Post"): a name ending in one is a media outlet, whatever a place or a person it opens with.
    /// </summary>
    public static readonly FrozenSet<string> MediaTitleWords = Set(
        "independent", "times", "post", "herald", "tribune", "journal", "gazette", "guardian", "telegraph", "chronicle",
        "observer", "inquirer", "examiner", "courier", "pravda", "izvestia", "vedomosti", "kommersant", "gazeta", "dispatch",
        "bulletin", "standard", "mirror", "express", "newsweek", "zeitung", "allgemeine", "spiegel", "monde",
        "figaro", "libération", "liberation", "república", "republica", "país", "pais", "corriere", "stampa", "repubblica");

    /// <summary>Newspaper title words that are also surnames ("Evan Spiegel", "Abraham Pais").</summary>
    public static readonly FrozenSet<string> MediaTitleSurnames = Set("post", "courier", "standard", "guardian", "express", "mirror", "herald",
        "spiegel", "pais", "país", "stampa", "monde", "times");

    /// <summary>Movements the nationality list names as people ("Taliban fighters"); speaking, they are bodies.</summary>
    public static readonly FrozenSet<string> Movements = Set("taliban", "houthi", "houthis");

    /// <summary>Demonyms of a bloc rather than a country: no state or movement of their own stands behind them.</summary>
    public static readonly FrozenSet<string> BlocDemonyms = Set("western", "westerners", "european", "europeans");

    /// <summary>Portfolio words that sit between a country and a minister's or secretary's title ("US Defense Secretary").</summary>
    public static readonly FrozenSet<string> Portfolios = Set(
        "defense", "defence", "foreign", "interior", "justice", "finance", "treasury", "health", "education", "energy",
        "trade", "commerce", "agriculture", "transport", "transportation", "labor", "labour", "environment", "culture");

    /// <summary>Nouns that end a military unit's name ("95th Air Assault Brigade").</summary>
    public static readonly FrozenSet<string> UnitNouns = Set(
        "brigade", "brigades", "regiment", "regiments", "battalion", "battalions", "division", "divisions", "corps",
        "company", "squadron", "squadrons", "platoon", "detachment", "battery", "fleet", "flotilla", "wing", "legion",
        "army", "armies", "group", "unit", "units", "task", "force", "forces");

    /// <summary>Unit nouns that make a unit only after an ordinal or a capitalised name, never alone with a name like "Wagner".</summary>
    public static readonly FrozenSet<string> StrongUnitNouns = Set(
        "brigade", "regiment", "battalion", "division", "corps", "squadron", "platoon", "detachment", "flotilla", "legion");

    /// <summary>Nouns after a nationality that make a group of people ("North Korean soldiers").</summary>
    public static readonly FrozenSet<string> GroupNouns = Set(
        "soldiers", "troops", "forces", "fighters", "servicemen", "personnel", "units", "military", "army", "militants",
        "rebels", "mercenaries", "officers", "commanders", "marines", "sailors", "pilots", "volunteers", "recruits",
        "conscripts", "infantry", "paratroopers", "special", "citizens", "people", "officials", "civilians", "workers",
        "prisoners", "captives", "hackers", "diplomats", "authorities", "counterparts");

    /// <summary>Group nouns that denote armed personnel; they share one key so "troops" and "soldiers" are one group.</summary>
    public static readonly FrozenSet<string> ArmedGroupNouns = Set(
        "soldiers", "troops", "forces", "fighters", "servicemen", "personnel", "units", "military", "army", "militants",
        "mercenaries", "marines", "infantry", "paratroopers", "conscripts", "recruits", "volunteers", "special");

    /// <summary>Month and weekday names and abbreviations: never a one-word entity ("Seoul, Dec 16").</summary>
    public static readonly FrozenSet<string> CalendarWords = Set(
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun");

    /// <summary>
    /// Function words that headline-style capitals make look like names ("Did Trump", "Rubio Did
    /// Well"): trimmed from the edges of a person mention (titles of works keep them: "When Harry Met
    /// Sally"). Compared in title case only, so "IS" stays.
    /// </summary>
    public static readonly FrozenSet<string> CapitalisedFunctionWords = new[]
    {
        "Did", "Does", "Do", "Is", "Was", "Are", "Were", "Be", "Been", "Has", "Have", "Had", "Can", "Could", "Will", "Would",
        "Should", "Must", "Might", "Either", "Neither", "Both", "Well", "When", "If", "But", "And", "Or", "So", "As", "At",
        "In", "On", "For", "With", "From", "By", "To", "After", "Before", "While", "Why", "How", "What", "Who", "Whom",
        "Where", "Which", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "You", "Yes", "No", "Not",
        "Says", "Said", "Say", "Sees", "See", "Gets", "Get", "Takes", "Wins", "Win", "Among", "Against", "Over", "Under",
        "Into", "About", "Than", "Then", "Also", "Only", "Just", "Even", "Still", "Here", "There", "Now", "Today", "Why",
        "Dear", "Hey", "Oh", "Like", "Some", "Many", "Most", "All", "Any", "Every", "Each", "Our", "Your", "Their", "His", "Her", "Its",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Prepositions that open a sentence ("Near Palmyra, ...", "Inside Raqqa"): never the first word of a person's name,
    /// though some end one ("Joseph Near"), so they are trimmed only from the front.
    /// </summary>
    public static readonly FrozenSet<string> OpeningPrepositions = new[]
    {
        "Near", "Inside", "Outside", "Across", "Around", "Throughout", "Towards", "Toward", "Beyond", "Despite", "Amid", "During", "Within",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that end a phrase read backwards from a bracketed acronym.</summary>
    public static readonly FrozenSet<string> Determiners = Set(
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "in", "on", "at", "by",
        "from", "with", "to", "and", "or", "as", "said", "says", "told", "than", "while", "after", "before");

    public static bool Contains(FrozenSet<string> set, ReadOnlySpan<char> word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
