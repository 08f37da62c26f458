using Crosscheck.Cleaning;
using Crosscheck.Ingest;
using FluentAssertions;

namespace Crosscheck.Tests.Cleaning;

public sealed class ArticlePreparerTests
{
    private static readonly ArticlePreparer Preparer = new();

    private static RawArticle Raw(string body, InputFormat format = InputFormat.Text, string? title = null) => new()
    {
        Id = "t",
        Location = "t.txt",
        Format = format,
        Body = body,
        Title = title,
        ContentHash = "00",
    };

    private static Article Prepare(string body, InputFormat format = InputFormat.Text, string? title = null) => Preparer.Prepare(Raw(body, format, title));

    private static string? ReasonFor(Article article, string text) => article.Removed.FirstOrDefault(r => r.Text == text)?.Reason;

    [Fact]
    public void Paragraphs_become_single_lines_and_text_is_otherwise_untouched()
    {
        var article = Prepare("The council voted 7-2 on the budget , late  on Tuesday.\n\n\n   Critics said the cuts go too far.  \n");
        article.Text.Should().Be("The council voted 7-2 on the budget , late  on Tuesday.\nCritics said the cuts go too far.");
        article.Removed.Should().BeEmpty();
    }

    [Theory]
    [InlineData("This audio is created with AI assistance")]
    [InlineData("Listen to this article")]
    [InlineData("Listen · 4 min")]
    [InlineData("Audio version of this story generated automatically")]
    public void Read_aloud_notices_are_removed(string notice)
    {
        var article = Prepare($"{notice}\n\nThe mayor opened the new library on Friday, staff said.");
        article.Text.Should().Be("The mayor opened the new library on Friday, staff said.");
        ReasonFor(article, notice).Should().Be(DebrisReasons.ReadAloudNotice);
    }

    [Theory]
    [InlineData("Cover photo: EPA/Somebody Someone")]
    [InlineData("Photo: Kai Lund / Reuters")]
    [InlineData("Image credit - Harbour Agency")]
    [InlineData("REUTERS PHOTO/ANNA BELL")]
    public void Photo_credits_are_removed(string credit)
    {
        var article = Prepare($"The mayor opened the new library on Friday, staff said.\n\n{credit}");
        article.Text.Should().Be("The mayor opened the new library on Friday, staff said.");
        ReasonFor(article, credit).Should().Be(DebrisReasons.PhotoCredit);
    }

    [Fact]
    public void Caption_repeated_with_credit_is_removed_both_times()
    {
        const string caption = "Firefighters work near the burning depot outside the port city (file photo).";
        var article = Prepare($"The depot burned for two days, officials said.\n\n{caption}\n{caption}  © PORT PRESS/JANE ROE\n\nInvestigators are looking at the wiring.");
        article.Text.Should().Be("The depot burned for two days, officials said.\nInvestigators are looking at the wiring.");
        article.Removed.Should().HaveCount(2);
        article.Removed.Should().OnlyContain(r => r.Reason == DebrisReasons.PhotoCaption || r.Reason.StartsWith("repeated"));
    }

    [Fact]
    public void Unrelated_headline_repeated_with_section_label_is_removed()
    {
        const string teaser = "Senators stall shipping reform bill as harvest season nears its end";
        var body = "The depot burned for two days, officials in the port city said.\n\n" +
                   $"{teaser}\nAgriculture {teaser}\n\n" +
                   "Investigators are looking at the wiring of the depot, the fire chief said.";
        var article = Prepare(body);
        article.Text.Should().NotContain("Senators");
        article.Removed.Select(r => r.Text).Should().Contain([teaser, "Agriculture " + teaser]);
    }

    [Fact]
    public void Single_unrelated_headline_is_removed_but_a_related_subheading_stays()
    {
        var body = "The depot burned for two days before crews contained it, officials in the port city said on Monday.\n" +
                   "Investigators blame the wiring\n" +
                   "Investigators are looking at the old wiring of the depot as the most likely cause, the fire chief said.\n" +
                   "Celebrity chef opens vegan bakery chain downtown\n" +
                   "The port reopened on Wednesday after the blaze was contained and the roads around the depot were cleared.";
        var article = Prepare(body);
        article.Text.Should().Contain("Investigators blame the wiring\n");
        ReasonFor(article, "Celebrity chef opens vegan bakery chain downtown").Should().Be(DebrisReasons.UnrelatedHeadline);
    }

    [Theory]
    [InlineData("More on the energy crisis:", DebrisReasons.RelatedLink)]
    [InlineData("Read also: Prices climb again", DebrisReasons.RelatedLink)]
    [InlineData("READ MORE", DebrisReasons.RelatedLink)]
    [InlineData("Read more: Prices climb again", DebrisReasons.RelatedLink)]
    [InlineData("Share this article", DebrisReasons.Widget)]
    [InlineData("Advertisement", DebrisReasons.Advertisement)]
    [InlineData("(Reporting by Ana Ruiz; Editing by Bo Li)", DebrisReasons.ReportingCredit)]
    public void Link_widget_ad_and_credit_lines_are_removed(string line, string reason)
    {
        var article = Prepare($"Gas prices rose for a third week, the ministry said.\n{line}\nThe ministry blamed the cold snap.");
        article.Text.Should().Be("Gas prices rose for a third week, the ministry said.\nThe ministry blamed the cold snap.");
        ReasonFor(article, line).Should().Be(reason);
    }

    [Fact]
    public void Story_lines_that_only_resemble_debris_are_kept()
    {
        var body = "Read more carefully, the contract shows the city pays twice, auditors said.\n" +
                   "Photographers were kept away from the site by police on Monday.\n" +
                   "More than 200 people attended the hearing.";
        Prepare(body).Text.Should().Be(body);
    }

    [Fact]
    public void Exact_duplicate_paragraph_far_apart_keeps_the_first_copy()
    {
        var para = "The ministry said the pipeline would reopen next month after repairs are finished, and that exports would resume.";
        var article = Prepare($"{para}\nOfficials declined to give a date.\n{para}");
        article.Text.Should().Be($"{para}\nOfficials declined to give a date.");
        ReasonFor(article, para).Should().Be(DebrisReasons.DuplicateLine);
    }

    [Theory]
    [InlineData("Lisbon, Dec 16 The harbour reopened.", "Lisbon, Dec 16", "Lisbon", "Dec 16", null)]
    [InlineData("Lisbon, Portugal - The harbour reopened.", "Lisbon, Portugal -", "Lisbon, Portugal", null, null)]
    [InlineData("LISBON (Reuters) - The harbour reopened.", "LISBON (Reuters) -", "LISBON", null, "Reuters")]
    [InlineData("LISBON, Dec. 5 (Reuters) - The harbour reopened.", "LISBON, Dec. 5 (Reuters) -", "LISBON", "Dec. 5", "Reuters")]
    [InlineData("NEW DELHI, March 3, 2023 (IANS) -- The harbour reopened.", "NEW DELHI, March 3, 2023 (IANS) --", "NEW DELHI", "March 3, 2023", "IANS")]
    [InlineData("LISBON — The harbour reopened.", "LISBON —", "LISBON", null, null)]
    [InlineData("LISBON—The harbour reopened.", "LISBON—", "LISBON", null, null)]
    [InlineData("ЛИССАБОН, 16 декабря. /ТАСС/. The harbour reopened.", "ЛИССАБОН, 16 декабря. /ТАСС/.", "ЛИССАБОН", "16 декабря", "TASS")]
    public void Datelines_become_metadata(string body, string text, string place, string? date, string? relay)
    {
        var article = Prepare(body);
        article.Text.Should().Be("The harbour reopened.");
        article.Dateline.Should().Be(new Dateline(text, place, date));
        ReasonFor(article, text).Should().Be(DebrisReasons.Dateline);
        if (relay is not null) article.Relays.Should().Contain(relay);
    }

    [Theory]
    [InlineData("Lisbon officials said the harbour reopened.")]
    [InlineData("Portugal - once a trading power - reopened the harbour.")]
    [InlineData("Lisbon, Porto and Faro reported delays.")]
    [InlineData("BREAKING - The harbour reopened.")]
    [InlineData("MEDIA: The harbour reopened.")]
    [InlineData("LISBON-based traders said the harbour reopened.")]
    [InlineData("Lisbon, Portugal — where the harbour reopened — is busy.")]
    public void Ordinary_openings_are_not_datelines(string body)
    {
        var article = Prepare(body);
        article.Dateline.Should().BeNull();
        article.Text.Should().Be(body);
    }

    [Fact]
    public void Agency_prefix_becomes_outlet_and_relay()
    {
        var article = Prepare("(MENAFN- Harbour Daily) The harbour reopened on Monday, officials said.");
        article.Text.Should().Be("The harbour reopened on Monday, officials said.");
        article.Outlet.Should().Be("Harbour Daily");
        article.Relays.Should().Equal("MENAFN");
        ReasonFor(article, "(MENAFN- Harbour Daily)").Should().Be(DebrisReasons.AgencyPrefix);
    }

    [Fact]
    public void Text_file_headline_becomes_title_and_leaves_the_text()
    {
        var article = Prepare("Harbour reopens after storm, officials say\n\nLISBON (Reuters) - The harbour reopened on Monday after the storm, officials said.");
        article.Title.Should().Be("Harbour reopens after storm, officials say");
        ReasonFor(article, "Harbour reopens after storm, officials say").Should().Be(DebrisReasons.Title);
        article.Text.Should().Be("The harbour reopened on Monday after the storm, officials said.");
        article.Dateline!.Place.Should().Be("LISBON");
    }

    [Fact]
    public void Short_line_before_a_dateline_is_the_title_even_with_a_period()
    {
        var article = Prepare("Dock workers end strike after nine days.\n\nLISBON, Sept. 26 (UPI) — Dock workers returned to work on Monday, the union said.");
        article.Title.Should().Be("Dock workers end strike after nine days.");
        article.Dateline!.DateText.Should().Be("Sept. 26");
        article.Relays.Should().Contain("UPI");
        article.Text.Should().Be("Dock workers returned to work on Monday, the union said.");
    }

    [Fact]
    public void First_sentence_is_not_taken_for_a_headline()
    {
        var article = Prepare("The harbour reopened on Monday.\nShips queued overnight, and some waited for two days before docking.");
        article.Title.Should().BeNull();
        article.Text.Should().StartWith("The harbour reopened on Monday.");
    }

    [Fact]
    public void Metadata_title_repeated_as_first_line_is_removed()
    {
        var article = Prepare("Harbour reopens\n\nThe harbour reopened on Monday.", InputFormat.Json, title: "Harbour reopens");
        article.Title.Should().Be("Harbour reopens");
        article.Text.Should().Be("The harbour reopened on Monday.");
        ReasonFor(article, "Harbour reopens").Should().Be(DebrisReasons.TitleRepeated);
    }

    [Fact]
    public void Given_date_and_metadata_pass_through()
    {
        var raw = Raw("The harbour reopened.") with { PublishedGiven = new DateOnly(2022, 3, 1), PublishedSource = "date_publish", Outlet = "harbour.example", Url = "https://harbour.example/x", Byline = "Ana Ruiz" };
        var article = Preparer.Prepare(raw);
        article.Published.Should().Be(PublicationDate.Given(new DateOnly(2022, 3, 1), "date_publish"));
        article.Outlet.Should().Be("harbour.example");
        article.Byline.Should().Be("Ana Ruiz");
        article.Url.Should().Be("https://harbour.example/x");
        article.Language.Should().Be("und");
        article.SourcePath.Should().Be("t.txt");
    }

    [Fact]
    public void Empty_or_hostile_bodies_do_not_throw()
    {
        Prepare("").Text.Should().BeEmpty();
        Prepare("\n\n  \n").Text.Should().BeEmpty();
        var hostile = new string('(', 5000) + string.Concat(Enumerable.Repeat("Aa, ", 3000));
        Prepare(hostile).Text.Should().NotBeEmpty();
    }
}
