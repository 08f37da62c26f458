using System.Diagnostics;
using System.Text;
using Crosscheck.Language;
using FluentAssertions;

namespace Crosscheck.Tests.Language;

public sealed class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Identifier = LanguageIdentifier.LoadDefault();

    // Invented for these tests: one or two news-like sentences each.
    [Theory]
    [InlineData("en", "The harbour authority said on Friday that two cargo ships had been held outside the port because of the storm, and that crews were safe.")]
    [InlineData("de", "Die Hafenbehörde teilte am Freitag mit, dass zwei Frachtschiffe wegen des Sturms vor dem Hafen festgehalten wurden und die Besatzungen in Sicherheit sind.")]
    [InlineData("fr", "L'autorité portuaire a indiqué vendredi que deux cargos avaient été retenus devant le port à cause de la tempête et que les équipages étaient sains et saufs.")]
    [InlineData("es", "La autoridad portuaria informó el viernes de que dos buques de carga habían sido retenidos frente al puerto por la tormenta y que las tripulaciones estaban a salvo.")]
    [InlineData("it", "L'autorità portuale ha detto venerdì che due navi mercantili sono state trattenute fuori dal porto a causa della tempesta e che gli equipaggi sono al sicuro.")]
    [InlineData("pt", "A autoridade portuária disse na sexta-feira que dois navios de carga foram retidos fora do porto por causa da tempestade e que as tripulações estão em segurança.")]
    [InlineData("nl", "De havenautoriteit zei vrijdag dat twee vrachtschepen vanwege de storm buiten de haven werden vastgehouden en dat de bemanningen veilig zijn.")]
    [InlineData("pl", "Zarząd portu poinformował w piątek, że z powodu sztormu dwa statki towarowe zatrzymano przed portem, a załogi są bezpieczne.")]
    [InlineData("cs", "Přístavní úřad v pátek uvedl, že dvě nákladní lodě byly kvůli bouři zadrženy před přístavem a posádky jsou v bezpečí.")]
    [InlineData("sv", "Hamnmyndigheten sade på fredagen att två lastfartyg hade hållits kvar utanför hamnen på grund av stormen och att besättningarna var i säkerhet.")]
    [InlineData("ro", "Autoritatea portuară a declarat vineri că două nave de marfă au fost reținute în afara portului din cauza furtunii și că echipajele sunt în siguranță.")]
    [InlineData("tr", "Liman idaresi cuma günü yaptığı açıklamada, fırtına nedeniyle iki yük gemisinin limanın dışında bekletildiğini ve mürettebatın güvende olduğunu söyledi.")]
    [InlineData("ru", "Портовые власти в пятницу сообщили, что из-за шторма два грузовых судна задержаны у входа в порт, а экипажи в безопасности.")]
    [InlineData("uk", "Портова адміністрація в п'ятницю повідомила, що через шторм два вантажні судна затримали біля входу в порт, а екіпажі в безпеці.")]
    [InlineData("be", "Партовыя ўлады ў пятніцу паведамілі, што з-за шторму два грузавыя судны затрыманы каля ўваходу ў порт, а экіпажы ў бяспецы.")]
    [InlineData("bg", "Пристанищните власти съобщиха в петък, че заради бурята два товарни кораба са задържани пред пристанището, а екипажите са в безопасност.")]
    [InlineData("el", "Η λιμενική αρχή ανακοίνωσε την Παρασκευή ότι δύο φορτηγά πλοία κρατήθηκαν έξω από το λιμάνι λόγω της καταιγίδας και ότι τα πληρώματα είναι ασφαλή.")]
    [InlineData("ko", "항만 당국은 금요일 폭풍 때문에 화물선 두 척이 항구 밖에 묶여 있으며 선원들은 안전하다고 밝혔다.")]
    [InlineData("ja", "港湾当局は金曜日、嵐のため貨物船二隻が港の外で足止めされているが、乗組員は無事だと発表した。")]
    [InlineData("zh", "港务局周五表示，由于暴风雨，两艘货船被扣留在港口外，船员们都很安全。")]
    [InlineData("ar", "قالت سلطة الميناء يوم الجمعة إن سفينتي شحن احتجزتا خارج الميناء بسبب العاصفة وإن الطاقم بخير.")]
    [InlineData("fa", "سازمان بندر روز جمعه گفت که دو کشتی باری به دلیل طوفان بیرون از بندر نگه داشته شده‌اند و خدمه در امان هستند.")]
    [InlineData("he", "רשות הנמל מסרה ביום שישי כי שתי ספינות משא עוכבו מחוץ לנמל בגלל הסערה וכי הצוותים בטוחים.")]
    [InlineData("hi", "बंदरगाह प्राधिकरण ने शुक्रवार को कहा कि तूफान के कारण दो मालवाहक जहाजों को बंदरगाह के बाहर रोका गया है और चालक दल सुरक्षित हैं।")]
    [InlineData("fi", "Satamaviranomainen kertoi perjantaina, että kaksi rahtilaivaa oli pysäytetty sataman ulkopuolelle myrskyn vuoksi ja että miehistöt ovat turvassa.")]
    [InlineData("hu", "A kikötői hatóság pénteken közölte, hogy a vihar miatt két teherhajót a kikötőn kívül tartanak, a legénység biztonságban van.")]
    public void IdentifiesInventedParagraphs(string expected, string text)
    {
        var guess = Identifier.Identify(text);

        guess.Code.Should().Be(expected);
        guess.Confidence.Should().BeGreaterThan(0.5);
        guess.RunnerUp.Should().NotBe(expected);
    }

    [Theory]
    [InlineData("Мы узнали об этом вчера вечером, когда уже было поздно что-либо менять.", "ru")]
    [InlineData("Ми дізналися про це вчора ввечері, коли вже було пізно щось змінювати.", "uk")]
    [InlineData("Жители говорят, что обстрел продолжался всю ночь и утром.", "ru")]
    [InlineData("Мешканці кажуть, що обстріл тривав усю ніч і вранці.", "uk")]
    [InlineData("Это решение поддержали большинство депутатов областного совета.", "ru")]
    [InlineData("Це рішення підтримала більшість депутатів обласної ради.", "uk")]
    public void TellsRussianFromUkrainianOnOneSentence(string text, string expected)
    {
        Identifier.Identify(text).Code.Should().Be(expected);
    }

    [Fact]
    public void RussianParagraphQuotingAUkrainianPlaceNameStaysRussian()
    {
        const string text = "Журналисты побывали в городе, который местные жители называют «Київ» на украинский манер. " +
                            "Они рассказали, что очереди у магазинов стали короче, а цены на хлеб выросли почти вдвое за месяц.";

        Identifier.Identify(text).Code.Should().Be("ru");
    }

    [Fact]
    public void LatinLookAlikeLettersInsideCyrillicWordsStillCountAsCyrillic()
    {
        // "i" below is the Latin letter, as typed on a Latin keyboard layout.
        const string text = "Мешканцi кажуть, що обстрiл тривав усю нiч, а вранцi у мiстi зникло свiтло.";

        Identifier.Identify(text).Code.Should().Be("uk");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("12 345 678 -- 2024-12-16 !!! ??? 3.14")]
    [InlineData("https://t.me/+12345/678?x=9")]
    public void TextWithoutLettersIsUndetermined(string text)
    {
        var guess = Identifier.Identify(text);

        guess.Code.Should().Be(LanguageGuess.Undetermined);
        guess.Confidence.Should().Be(0);
        guess.IsDetermined.Should().BeFalse();
    }

    [Theory]
    [InlineData("Hello")]
    [InlineData("Да, но")]
    [InlineData("Kyiv 2024")]
    public void ShortTextIsUndeterminedWithLowConfidence(string text)
    {
        var guess = Identifier.Identify(text);

        guess.Code.Should().Be(LanguageGuess.Undetermined);
        guess.Confidence.Should().BeLessThan(0.5);
        guess.RunnerUpConfidence.Should().BeLessThan(0.5);
    }

    [Fact]
    public void HalfEnglishHalfRussianIsUndetermined()
    {
        const string text = "The minister said the talks would continue next week in Geneva. Министр сказал, что переговоры продолжатся в Женеве.";

        var guess = Identifier.Identify(text);

        guess.Code.Should().Be(LanguageGuess.Undetermined);
        guess.Confidence.Should().BeLessThan(0.5);
    }

    [Fact]
    public void ForeignNamesInsideAParagraphDoNotChangeItsLanguage()
    {
        const string text = "Президент Джо Байден и премьер-министр Великобритании обсудили ситуацию (Joe Biden, Keir Starmer) " +
                            "в ходе телефонного разговора, сообщила пресс-служба Белого дома в субботу вечером.";

        Identifier.Identify(text).Code.Should().Be("ru");
    }

    [Fact]
    public void WebAddressesDoNotCountAsEnglishLetters()
    {
        const string text = "Запись концерта выложили на https://www.example.com/watch?list=AbCdEfGhIjKlMnOpQrStUvWxYz_long_playlist_name " +
                            "и www.example.org/archive/concerts/2024/december/recordings, а билеты раскупили за час.";

        Identifier.Identify(text).Code.Should().Be("ru");
    }

    [Fact]
    public void KanaMeansJapaneseAndHanAloneMeansChinese()
    {
        Identifier.Identify("東京で会議が開かれました。").Code.Should().Be("ja");
        Identifier.Identify("北京举行了会议。").Code.Should().Be("zh");
        Identifier.Identify("서울에서 회의가 열렸습니다.").Code.Should().Be("ko");
    }

    [Fact]
    public void PersianLettersSeparateFarsiFromArabic()
    {
        Identifier.Identify("گزارش‌ها نشان می‌دهد که چند پل در شمال کشور تخریب شده است.").Code.Should().Be("fa");
        Identifier.Identify("وتشير التقارير إلى أن عدة جسور في شمال البلاد قد دمرت.").Code.Should().Be("ar");
    }

    [Fact]
    public void AMegabyteOnOneLineIsReadInBoundedTime()
    {
        var sentence = "Die Behörden teilten mit, dass die Straße wegen des Hochwassers bis auf Weiteres gesperrt bleibt. ";
        var builder = new StringBuilder(1_100_000);
        while (builder.Length < 1_000_000) builder.Append(sentence);
        var text = builder.ToString();
        Identifier.Identify(text); // warm-up

        var watch = Stopwatch.StartNew();
        var guess = Identifier.Identify(text);
        watch.Stop();

        guess.Code.Should().Be("de");
        watch.ElapsedMilliseconds.Should().BeLessThan(500, "only a bounded sample of a long text is read");
    }

    [Fact]
    public void OneEndlessWordDoesNotThrow()
    {
        var guess = Identifier.Identify(new string('ж', 1_000_000));

        guess.Code.Should().NotBeNull();
    }

    [Fact]
    public void ConcurrentCallsGiveTheSameAnswersAsSequentialOnes()
    {
        string[] texts =
        [
            "Портовые власти в пятницу сообщили, что из-за шторма два грузовых судна задержаны у входа в порт.",
            "Портова адміністрація в п'ятницю повідомила, що через шторм два вантажні судна затримали біля входу в порт.",
            "The harbour authority said on Friday that two cargo ships had been held outside the port because of the storm.",
            "Die Hafenbehörde teilte am Freitag mit, dass zwei Frachtschiffe wegen des Sturms vor dem Hafen festgehalten wurden.",
        ];
        var expected = texts.Select(t => Identifier.Identify(t)).ToArray();
        var actual = new LanguageGuess[400];

        Parallel.For(0, actual.Length, i => actual[i] = Identifier.Identify(texts[i % texts.Length]));

        for (var i = 0; i < actual.Length; i++) actual[i].Should().Be(expected[i % texts.Length]);
    }

    [Fact]
    public void WithLanguageSetsTheArticleFields()
    {
        var article = new Article
        {
            Id = "a1",
            Text = "Ми дізналися про це вчора ввечері, коли вже було пізно щось змінювати в плані евакуації.",
            ContentHash = "x",
        };

        var tagged = Identifier.WithLanguage(article);

        tagged.Language.Should().Be("uk");
        tagged.LanguageConfidence.Should().BeGreaterThan(0.5);
        tagged.Text.Should().BeSameAs(article.Text);
    }

    [SharedDataFact("corpus", "seeds")]
    public void TheSeedReportsAreEnglish()
    {
        var files = Directory.GetFiles(SharedData.Path("corpus", "seeds")!, "*.txt");

        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            var guess = Identifier.Identify(File.ReadAllText(file));
            guess.Code.Should().Be("en", Path.GetFileName(file));
            guess.Confidence.Should().BeGreaterThan(0.9);
        }
    }

    [Fact]
    public void CoversTheLanguagesTheProductNeeds()
    {
        Identifier.Languages.Should().Contain(["en", "ru", "uk", "be", "de", "fr", "es", "it", "pl", "ko", "zh", "ja", "ar", "fa", "tr", "pt", "nl", "cs", "sv", "ro", "he", "hi"]);
        Identifier.Languages.Should().OnlyContain(code => code.Length == 2);
    }
}
