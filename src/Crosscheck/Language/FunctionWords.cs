namespace Crosscheck.Language;

/// <summary>
/// Frequent function words that belong to one language (or a few) of a close group and not to its
/// neighbours: Russian "что, это, был" against Ukrainian "що, це, був", Belarusian "што, гэта, быў"
/// and Bulgarian "че, това, беше"; German against Dutch; Czech against Slovak; English, whose
/// headlines otherwise look like Afrikaans or Frisian to the profiles. A whole-word match is much sharper evidence than the shared
/// n-grams, which matters on a sentence or a short paragraph. Written from grammar, not fitted
/// to data; a word that is also common in a neighbour is left out.
/// </summary>
internal static class FunctionWords
{
    /// <summary>Log-odds-like bonus per occurrence, in the units of the n-gram score.</summary>
    public const double Bonus = 8;

    public static readonly (string Codes, string Words)[] Lists =
    [
        ("ru", "что это этот эта эти этого этом как от был была было были будет будут уже ещё еще чтобы он она они его её ее их мы вы " +
               "которые которая который которое которых если также после или только очень года году может можно нужно сейчас " +
               "вместе более однако поэтому когда где здесь тоже даже россии сказал сообщил к со всё все всех свои своих"),
        ("uk", "що це цей ця ці цього цьому цих як від та й із зі був була були буде будуть вже ще щоб він вона вони його її їх їхні ми ви " +
               "які яка який яке яких якщо також після чи тільки лише дуже року році може можна треба зараз разом понад проте однак " +
               "тому коли де україни україні україна під своїх свої усі всі всіх"),
        ("uk be", "але з"),
        ("be", "што гэта гэты гэтая ад быў будзе ужо яшчэ каб ён яна яны яго яе іх якія таксама пасля паміж ці толькі вельмі трэба " +
               "цяпер разам калі дзе беларусі беларусь ўсе усе ў"),
        ("ru bg", "и"),
        ("bg", "че това тази този които която който което ще във със след години година беше бяха има няма както също още " +
               "българия каза бил"),
        ("bg mk sr", "се"),
        ("bg mk", "е са"),
        ("de", "und nicht ist sich auch auf für wurde werden wurden eine einem einer einen ich aber noch nach bei aus über zum zur " +
               "haben sind wird durch oder wenn dass daß sie ein mit von zu nur sein seine seiner ihre ihrer diese dieser dieses " +
               "jedoch sowie bereits zwischen gegen unter kann muss jahr jahre jahren mehr vom beim ihm ihn wir uns"),
        ("de da nb nn", "der dem"),
        ("de nl af", "die"),
        ("nl", "niet zijn werd wordt heeft hebben zich deze naar bij voor echter hun kunnen ik"),
        ("nl af", "het een van ook dat aan met tot maar jaar twee"),
        ("en", "the and that with this from have has had it its which not said says were would their they she his been after who what " +
               "when where there than but also about into more could should these those"),
        ("cs", "jsou jsem jako nebo který která které kterou byl byla bylo byli podle také když pro jen ještě může mezi řekl"),
        ("sk", "sa alebo ako aj nie som bol bola bolo boli tiež keď podľa ktorý ktorá ktoré ktorú môže ešte pre so len veľmi medzi povedal"),
    ];
}
