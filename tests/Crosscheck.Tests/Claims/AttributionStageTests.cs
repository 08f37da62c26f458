using System.Collections.Immutable;
using Crosscheck.Claims;
using Crosscheck.Entities;
using Crosscheck.Text;
using FluentAssertions;

namespace Crosscheck.Tests.Claims;

public class AttributionStageTests
{
    private static readonly AnalysisContext Context = new(new DateOnly(2024, 12, 16));

    private static (string Text, ImmutableArray<Attribution> Claims) Run(string text, EntityLayer? entities = null)
    {
        var article = new AnalyzedArticle(new Article { Id = "t", Text = text, ContentHash = "t" });
        article = new TextStage().Process(article, Context);
        if (entities is not null) article = article.With(Layers.Entities, entities);
        article = new AttributionStage().Process(article, Context);
        return (text, article.Get(Layers.Claims));
    }

    private static Attribution ByCue(string text, ImmutableArray<Attribution> claims, string cue) =>
        claims.First(a => a.Cue is { } c && c.Of(text) == cue);

    [Fact]
    public void Quote_then_speaker_with_medium()
    {
        var (text, claims) = Run("\"We have new data. Many of them,\" Kowalski said in an address.");
        var a = ByCue(text, claims, "said");
        a.Kind.Should().Be(AttributionKind.DirectQuote);
        a.Source!.Value.Of(text).Should().Be("Kowalski");
        a.Content.Of(text).Should().Be("\"We have new data. Many of them,\"");
    }

    [Fact]
    public void Quoted_as_saying_makes_the_passive_subject_the_speaker()
    {
        var (text, claims) = Run("The harbour master was quoted as saying the pier would reopen. The mayor is reported as having said that the levy was fair.");
        var quoted = claims.Single(a => a.Cue is { } c && c.Of(text) == "quoted as saying");
        quoted.Source!.Value.Of(text).Should().Be("The harbour master");
        quoted.Content.Of(text).Should().Be("the pier would reopen");
        var reported = claims.Single(a => a.Cue is { } c && c.Of(text) == "reported as having said");
        reported.Source!.Value.Of(text).Should().Be("The mayor");
        reported.Content.Of(text).Should().Be("the levy was fair");
        claims.Should().HaveCount(2, "the speech verb inside the grown cue is no second claim");
    }

    [Theory]
    [InlineData("Lawmakers amended the bill so that farmers can sell grain.")]
    [InlineData("Parliament approved the plan that would cut taxes.")]
    [InlineData("Prices rose so fast that the central bank raised rates twice.")]
    [InlineData("Protesters blocked the main road into the capital.")]
    [InlineData("The council renamed the square that faces the harbour.")]
    [InlineData("Farmers sold such large harvests that the silos overflowed.")]
    public void An_action_verb_without_a_reported_complement_is_no_claim(string sentence)
    {
        var (_, claims) = Run(sentence);
        claims.Should().BeEmpty();
    }

    [Fact]
    public void A_word_inside_a_multi_word_cue_is_no_cue_alone()
    {
        var (text, claims) = Run("In an interview that aired on Tuesday, the harbour master defended the new tolls. Back at the quay, the crews pushed back the boats.");
        claims.Select(a => a.Cue.HasValue ? a.Cue.Value.Of(text) : "").Should().NotContain(["interview", "back"]);
    }

    [Fact]
    public void A_learned_cue_still_takes_a_that_clause_an_infinitive_or_a_quote()
    {
        AttributionExtractorProbe.HasComplement("The harbour master fretted that the tolls were too high.", "fretted").Should().BeTrue();
        AttributionExtractorProbe.HasComplement("\"We will win,\" vowed the skipper.", "vowed").Should().BeTrue();
        AttributionExtractorProbe.HasComplement("The skipper sailed so far that the crew tired.", "sailed").Should().BeFalse();
        AttributionExtractorProbe.HasComplement("The skipper vowed to fight the tolls.", "vowed").Should().BeTrue();
        AttributionExtractorProbe.HasComplement("The skipper pondered whether to sail.", "pondered").Should().BeTrue();
        AttributionExtractorProbe.HasComplement("The skipper moored the boat that leaked.", "moored").Should().BeFalse();
        AttributionExtractorProbe.HasComplement("The skipper walked to the quay.", "walked").Should().BeFalse();
    }

    [Fact]
    public void A_frequent_learned_cue_head_is_asked_with_a_plain_noun_object()
    {
        // "blasted" heads many cues in PolNeAR train; "blocked" and "amended" do not, so they still need a clause.
        AttributionExtractorProbe.IsCandidate("The governor blasted the new harbour levy.", "blasted").Should().BeTrue();
        AttributionExtractorProbe.IsCandidate("The governor blocked the new harbour levy.", "blocked").Should().BeFalse();
        AttributionExtractorProbe.IsCandidate("The governor amended the new harbour levy.", "amended").Should().BeFalse();
        var (text, claims) = Run("Governor Ilse Marwick blasted the new harbour levy on Monday.");
        var a = ByCue(text, claims, "blasted");
        a.Source!.Value.Of(text).Should().Be("Governor Ilse Marwick");
    }

    [Fact]
    public void A_rare_form_of_a_frequent_cue_verb_is_asked_by_its_family()
    {
        // "defending" alone heads few PolNeAR train cues; "defended" heads many, so the family is asked.
        var lexicon = CueLexicon.English;
        lexicon.PriorLookup.TryGetValue("defending", out var own).Should().BeTrue();
        own.AsCueHead.Should().BeLessThan(AttributionExtractor.FrequentCueHeadMinCount);
        AttributionExtractorProbe.IsCandidate("The governor is defending the new harbour levy.", "defending").Should().BeTrue();
        AttributionExtractorProbe.IsCandidate("The governor is blocking the new harbour levy.", "blocking").Should().BeFalse();
    }

    [Fact]
    public void A_capitalised_first_word_that_is_no_name_is_no_named_subject()
    {
        AttributionExtractorProbe.Subject("Protesters said the road was shut.", "said").Should().Be("sub=capword");
        AttributionExtractorProbe.Subject("Kowalski said the road was shut.", "said").Should().Be("sub=name");
    }

    [Fact]
    public void Curly_quote_split_by_its_cue_keeps_both_parts()
    {
        var (text, claims) = Run("“The road is open,” the mayor said, “but drive slowly.”");
        var a = ByCue(text, claims, "said");
        a.Source!.Value.Of(text).Should().Be("the mayor");
        a.AllContent.Select(s => s.Of(text)).Should().Equal("“The road is open,”", "“but drive slowly.”");
    }

    [Fact]
    public void Speaker_before_colon_and_quote()
    {
        var (text, claims) = Run("The senator told the committee: \"This budget is not enough.\"");
        var a = ByCue(text, claims, "told");
        a.Source!.Value.Of(text).Should().Be("The senator");
        a.Content.Of(text).Should().Be("\"This budget is not enough.\"");
    }

    [Fact]
    public void Multi_paragraph_quote_is_one_content()
    {
        var text = "Ana Ruiz said: \"The first part ends here.\n\"The second paragraph goes on.\"\nNext paragraph.";
        var (_, claims) = Run(text);
        var a = ByCue(text, claims, "said");
        a.Content.Of(text).Should().Be("\"The first part ends here.\n\"The second paragraph goes on.\"");
    }

    [Fact]
    public void Indirect_speech_with_time_and_that()
    {
        var (text, claims) = Run("On Saturday, the Ukrainian president said on Friday that Russia could extend its deployment.");
        var a = ByCue(text, claims, "said");
        a.Kind.Should().Be(AttributionKind.IndirectSpeech);
        a.Source!.Value.Of(text).Should().Be("the Ukrainian president");
        a.Content.Of(text).Should().Be("Russia could extend its deployment");
    }

    [Fact]
    public void According_to_at_the_end_and_at_the_start()
    {
        var (text, claims) = Run("Four schools were closed, according to local officials. According to the ministry, the roads are open.");
        var end = claims.First(a => a.Kind == AttributionKind.AccordingTo && a.Source!.Value.Of(text) == "local officials");
        end.Content.Of(text).Should().Be("Four schools were closed");
        var start = claims.First(a => a.Kind == AttributionKind.AccordingTo && a.Source!.Value.Of(text) == "the ministry");
        start.Content.Of(text).Should().Be("the roads are open");
    }

    [Fact]
    public void Citing_aside_and_outer_relay()
    {
        var text = "The Kyiv Post reported Sunday, citing a drone unit, that the soldiers were killed, Yonhap reported.";
        var (_, claims) = Run(text);
        var inner = claims.First(a => a.Source is { } s && s.Of(text) == "The Kyiv Post");
        inner.Content.Of(text).Should().Be("the soldiers were killed");
        var outer = claims.First(a => a.Source is { } s && s.Of(text) == "Yonhap");
        outer.Content.Of(text).Should().StartWith("The Kyiv Post reported Sunday");
        inner.RelaySpans.Select(s => s.Of(text)).Should().Equal("Yonhap");
        outer.RelaySpans.Should().BeEmpty();
    }

    [Fact]
    public void Reporting_noun_with_possessor()
    {
        var (text, claims) = Run("Officials repeated the militia's claim that the valley is under its control.");
        var a = ByCue(text, claims, "claim");
        a.Status.Should().Be(ClaimStatus.Claimed);
        a.Source!.Value.Of(text).Should().Contain("militia");
        a.Content.Of(text).Should().Be("the valley is under its control");
    }

    [Fact]
    public void Backward_hedge_marks_the_previous_paragraph_claims_unverified()
    {
        var text = "The channel said the depot was destroyed.\nThe details could not be verified immediately.";
        var (_, claims) = Run(text);
        var a = ByCue(text, claims, "said");
        a.Status.Should().Be(ClaimStatus.Unverified);
        a.HedgeSpan!.Value.Of(text).Should().Be("could not be verified");
        claims.Should().ContainSingle("the hedge sentence itself is not an attribution");
    }

    [Fact]
    public void Pronoun_and_title_speakers_resolve_to_the_latest_person_when_entities_exist()
    {
        var text = "Volodymyr Zelensky spoke on Saturday. \"We will hold,\" he said. The Ukrainian leader added that aid was late.";
        int person = text.IndexOf("Volodymyr Zelensky", StringComparison.Ordinal);
        var entities = new EntityLayer(
            [new EntityMention(new Span(person, person + 18), EntityType.Person, 0)],
            [new ArticleEntity(0, EntityType.Person, "Volodymyr Zelensky", [])]);
        var (_, claims) = Run(text, entities);
        ByCue(text, claims, "said").SpeakerEntity.Should().Be(0);
        ByCue(text, claims, "added").SpeakerEntity.Should().Be(0);
        ByCue(text, claims, "said").SpeakerSpan.Should().Be(new Span(person, person + 18));
    }

    private static EntityLayer Layer(string text, params (string Words, EntityType Type, int Entity, int Occurrence)[] mentions)
    {
        var built = mentions.Select(m =>
        {
            int at = -1;
            for (int k = 0; k < m.Occurrence; k++) at = text.IndexOf(m.Words, at + 1, StringComparison.Ordinal);
            return new EntityMention(new Span(at, at + m.Words.Length), m.Type, m.Entity);
        }).OrderBy(m => m.Span.Start).ToImmutableArray();
        var entities = mentions.GroupBy(m => m.Entity).OrderBy(g => g.Key)
            .Select(g => new ArticleEntity(g.Key, g.First().Type, g.First().Words, [])).ToImmutableArray();
        return new EntityLayer(built, entities);
    }

    [Theory]
    [InlineData("Valdorian President Olek Marchenko spoke in Brussels on Monday. Trade ministers met later. The Valdorian leader added that aid was late.", "Valdorian")]
    [InlineData("Valdoria's President Olek Marchenko spoke in Brussels on Monday. Trade ministers met later. The Valdorian president added that aid was late.", "Valdorian")]
    public void The_countrys_leader_is_the_person_the_report_introduced_with_that_country(string text, string country)
    {
        var entities = Layer(text, ("Olek Marchenko", EntityType.Person, 0, 1), (country, EntityType.Group, 1, text.StartsWith(country, StringComparison.Ordinal) ? 2 : 1),
            ("Brussels", EntityType.Place, 2, 1));
        var (_, claims) = Run(text, entities);
        ByCue(text, claims, "added").SpeakerEntity.Should().Be(0);
    }

    [Theory]
    [InlineData("Valdorian President Olek Marchenko spoke in Brussels on Monday. A Valdorian official added that aid was late.")]
    [InlineData("Valdorian President Olek Marchenko spoke in Brussels on Monday. Valdorian officials added that aid was late.")]
    [InlineData("Trade minister Olek Marchenko spoke in Brussels on Monday. The Valdorian leader added that aid was late.")]
    [InlineData("Former Valdorian President Olek Marchenko spoke in Brussels on Monday. The Valdorian leader added that aid was late.")]
    public void An_indefinite_description_or_a_person_not_introduced_with_the_country_is_not_the_leader(string text)
    {
        int occurrences = System.Text.RegularExpressions.Regex.Count(text, "Valdorian");
        var entities = Layer(text, ("Olek Marchenko", EntityType.Person, 0, 1), ("Valdorian", EntityType.Group, 1, occurrences), ("Brussels", EntityType.Place, 2, 1));
        var (_, claims) = Run(text, entities);
        ByCue(text, claims, "added").SpeakerEntity.Should().Be(1);
    }

    [Theory]
    [InlineData("A Valdorian media outlet said the convoy was hit at dawn.", null)]
    [InlineData("Valdorian state television said the convoy was hit at dawn.", null)]
    [InlineData("Valdorian officials said the convoy was hit at dawn.", 0)]
    public void An_unnamed_outlet_of_a_country_is_not_the_countrys_voice(string text, int? speaker)
    {
        var entities = Layer(text, ("Valdorian", EntityType.Group, 0, 1));
        var (_, claims) = Run(text, entities);
        ByCue(text, claims, "said").SpeakerEntity.Should().Be(speaker);
    }

    [Theory]
    [InlineData("The Valdorian Defence Ministry said on Monday that 12 soldiers were wounded. According to this source, the attack came at dawn.", "According to")]
    [InlineData("The Valdorian Defence Ministry said on Monday that 12 soldiers were wounded. The same ministry added that the attack came at dawn.", "added")]
    public void A_demonstrative_source_is_the_speaker_of_the_claim_before(string text, string cue)
    {
        var entities = Layer(text, ("Valdorian Defence Ministry", EntityType.Organization, 0, 1));
        var (_, claims) = Run(text, entities);
        ByCue(text, claims, cue).SpeakerEntity.Should().Be(0);
    }

    [Fact]
    public void A_new_source_after_a_claim_is_not_taken_for_the_earlier_speaker()
    {
        const string text = "The Valdorian Defence Ministry said on Monday that 12 soldiers were wounded. According to a local source, the attack came at dawn.";
        var entities = Layer(text, ("Valdorian Defence Ministry", EntityType.Organization, 0, 1));
        var (_, claims) = Run(text, entities);
        ByCue(text, claims, "According to").SpeakerEntity.Should().BeNull();
    }

    [Fact]
    public void A_named_body_in_the_source_outranks_the_longer_group_words_around_it()
    {
        var text = "The Valdorian military intelligence services (VMI) said on Monday that 12 soldiers were wounded.";
        int group = text.IndexOf("Valdorian military", StringComparison.Ordinal);
        int acronym = text.IndexOf("VMI", StringComparison.Ordinal);
        var entities = new EntityLayer(
            [new EntityMention(new Span(group, group + 18), EntityType.Group, 0), new EntityMention(new Span(acronym, acronym + 3), EntityType.Organization, 1)],
            [new ArticleEntity(0, EntityType.Group, "Valdorian military", []), new ArticleEntity(1, EntityType.Organization, "VMI", [])]);
        var (_, claims) = Run(text, entities);
        ByCue(text, claims, "said").SpeakerEntity.Should().Be(1);
    }

    [Fact]
    public void Without_entities_the_source_span_is_still_found_and_no_speaker_is_set()
    {
        var (text, claims) = Run("\"We will hold,\" he said.");
        var a = ByCue(text, claims, "said");
        a.Source!.Value.Of(text).Should().Be("he");
        a.SpeakerEntity.Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("said")]
    [InlineData("\"\"\"\"\" said \" according to , ,")]
    [InlineData("According to")]
    [InlineData("“unclosed quote said the man\n\n“and another")]
    public void Odd_input_never_throws(string text)
    {
        var act = () => Run(text);
        act.Should().NotThrow();
    }

    [Fact]
    public void Long_text_is_processed_in_linear_time()
    {
        var paragraph = "\"It is fine,\" the official said. According to the agency, rain fell. Police denied that shots were fired, Reuters reported.\n";
        var text = string.Concat(Enumerable.Repeat(paragraph, 2000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (_, claims) = Run(text);
        watch.Stop();
        claims.Length.Should().BeGreaterThanOrEqualTo(6000);
        watch.Elapsed.TotalSeconds.Should().BeLessThan(5);
    }
    [Fact]
    public void Quote_signed_by_a_dash_and_a_name_on_its_line()
    {
        var text = "“The bus never comes on time. We walk instead.” ― Lena M. Okafor\n“Fix the roads first.” — Tomas Varga.\nThe survey closed on Friday.";
        var (_, claims) = Run(text);
        var first = claims.Single(a => a.Source is { } s && s.Of(text) == "Lena M. Okafor");
        first.Content.Of(text).Should().Be("“The bus never comes on time. We walk instead.”");
        first.Cue!.Value.Of(text).Should().Be("―");
        claims.Should().Contain(a => a.Source != null && a.Source.Value.Of(text) == "Tomas Varga" && a.Content.Of(text) == "“Fix the roads first.”");
    }

    [Fact]
    public void A_signing_name_may_end_its_line_with_a_no_break_space()
    {
        var text = "“The clinic closed before we could see anyone.”\u00a0― Rosa Delgado\u00a0\n“Buses skip our street.”― Ivo Petrov\u00a0\nThe poll ran for a week.";
        var (_, claims) = Run(text);
        claims.Should().Contain(a => a.Source != null && a.Source.Value.Of(text) == "Rosa Delgado" && a.Content.Of(text) == "“The clinic closed before we could see anyone.”");
        claims.Should().Contain(a => a.Source != null && a.Source.Value.Of(text) == "Ivo Petrov" && a.Content.Of(text) == "“Buses skip our street.”");
    }

    [Fact]
    public void A_dash_and_a_name_followed_by_more_words_sign_nothing()
    {
        var (text, claims) = Run("“The clinic closed early.”\u00a0― Rosa Delgado\u00a0reported to the board on Monday.");
        claims.Should().NotContain(a => a.Cue != null && a.Cue.Value.Of(text) == "―");
    }

    [Fact]
    public void A_dash_inside_a_sentence_signs_nothing()
    {
        var (text, claims) = Run("“It was cold” — and the heating failed again, residents wrote in a petition to the council.");
        claims.Should().NotContain(a => a.Cue != null && a.Cue.Value.Of(text) == "—");
    }

    [Fact]
    public void Transcript_turns_run_to_the_end_of_their_paragraph()
    {
        var text = "The interview went as follows.\n\"HOST: Welcome back. Tell us about the harvest.\n\"FARMER: It was the worst in ten years. Rain came late.\nUPDATE: The ministry has since replied.";
        var (_, claims) = Run(text);
        var host = claims.Single(a => a.Source is { } s && s.Of(text) == "HOST");
        host.Content.Of(text).Should().Be("Welcome back. Tell us about the harvest.");
        var farmer = claims.Single(a => a.Source is { } s && s.Of(text) == "FARMER");
        farmer.Content.Of(text).Should().Be("It was the worst in ten years. Rain came late.");
        claims.Should().NotContain(a => a.Source != null && a.Source.Value.Of(text) == "UPDATE");
    }

    [Fact]
    public void Quote_before_a_speaker_with_two_appositives()
    {
        var (text, claims) = Run("“The levee will hold,” Mara Quist, the chief engineer of the district, one of three that share the dam, said at a briefing.");
        var a = ByCue(text, claims, "said");
        a.Source!.Value.Of(text).Should().StartWith("Mara Quist");
        a.Content.Of(text).Should().Be("“The levee will hold,”");
    }

    [Fact]
    public void Long_appositive_subject_then_said_that()
    {
        var (text, claims) = Run("Ines Brandt, a hydrologist who advised the city on flood defences for many years and a lecturer at the technical university in the capital, said that the river would crest on Sunday.");
        var a = ByCue(text, claims, "said");
        a.Source!.Value.Of(text).Should().StartWith("Ines Brandt");
        a.Content.Of(text).Should().Be("the river would crest on Sunday");
    }

    [Fact]
    public void A_clause_after_said_is_not_an_inverted_speaker()
    {
        var (text, claims) = Run("Olga Sand, 61, of Riverton, who watched from the bank, said the water rose faster than anyone expected.");
        var a = ByCue(text, claims, "said");
        a.Source!.Value.Of(text).Should().StartWith("Olga Sand");
        a.Content.Of(text).Should().StartWith("the water rose");
    }

    [Fact]
    public void A_clause_after_the_speaker_ends_the_fronted_part()
    {
        var (text, claims) = Run("During her two terms on the council, Reyes said, the town doubled its bus routes.");
        var a = ByCue(text, claims, "said");
        a.Content.Of(text).Should().Be("the town doubled its bus routes");
    }
    [Fact]
    public void A_contracted_is_before_the_cue_is_a_verb_not_a_possessive()
    {
        var (text, claims) = Run("He’s claiming that the vote was rigged.");
        var a = ByCue(text, claims, "claiming");
        a.Source!.Value.Of(text).Should().Be("He");
        a.Content.Of(text).Should().Be("the vote was rigged");
    }

    [Fact]
    public void An_aside_right_after_that_opens_the_content()
    {
        var (text, claims) = Run("She said that, if elected, she would close the base.");
        var a = ByCue(text, claims, "said");
        a.Content.Of(text).Should().Be("if elected, she would close the base");
    }
    [Fact]
    public void A_date_between_the_speaker_and_the_cue()
    {
        var (text, claims) = Run("The port authority and the coast guard on Dec. 16 reported that two ferries had collided.");
        var a = ByCue(text, claims, "reported");
        a.Source!.Value.Of(text).Should().Be("The port authority and the coast guard");
        a.Content.Of(text).Should().Be("two ferries had collided");
    }
    [Fact]
    public void The_speakers_stance_ignores_the_reporters_hedge()
    {
        var (text, claims) = Run("The channel said the depot burned.\nThe claim could not be verified.\nThe ministry denied that its jets hit the market.");
        var said = ByCue(text, claims, "said");
        said.Status.Should().Be(ClaimStatus.Unverified);
        said.Stance.Should().Be(SpeakerStance.Affirms);
        var denied = ByCue(text, claims, "denied");
        denied.Status.Should().Be(ClaimStatus.Denied);
        denied.Stance.Should().Be(SpeakerStance.Rejects);
    }

    [Fact]
    public void A_place_phrase_inside_the_subject_belongs_to_the_source()
    {
        var (text, claims) = Run("Officials in the Kursk region warned that the bridge would close. Analysts at the harbour bank said the levy was too high.");
        ByCue(text, claims, "warned").Source!.Value.Of(text).Should().Be("Officials in the Kursk region");
        ByCue(text, claims, "said").Source!.Value.Of(text).Should().Be("Analysts at the harbour bank");
    }

    [Fact]
    public void A_medium_or_time_phrase_before_the_cue_is_no_part_of_the_source()
    {
        var (text, claims) = Run("Mayor Ilse Marwick in a televised address said the ferry would run again. Residents in March said the tolls were unfair.");
        ByCue(text, claims, "said").Source!.Value.Of(text).Should().Be("Mayor Ilse Marwick");
        claims.Last().Source!.Value.Of(text).Should().Be("Residents");
    }

    [Theory]
    [InlineData("Nobody could yet say whether the dam would hold.", "say", "Nobody")]
    [InlineData("The harbour board together vowed to rebuild the pier.", "vowed", "The harbour board")]
    [InlineData("Now the ministry says the port is open.", "says", "the ministry")]
    public void An_adverb_is_never_a_source(string sentence, string cue, string source)
    {
        var (text, claims) = Run(sentence);
        ByCue(text, claims, cue).Source!.Value.Of(text).Should().Be(source);
    }

    [Fact]
    public void An_adverb_after_a_comma_keeps_the_participle_or_the_coordinated_verb()
    {
        var (text, claims) = Run("The skippers were calm, perhaps recognizing that the storm had passed. The mayor praised the crews, yet refuses to pay them.");
        var recognizing = ByCue(text, claims, "recognizing");
        recognizing.Content.Of(text).Should().Be("the storm had passed");
        var refuses = ByCue(text, claims, "refuses");
        refuses.Source!.Value.Of(text).Should().Be("The mayor");
        refuses.Content.Of(text).Should().Be("to pay them");
    }

    [Fact]
    public void A_non_restrictive_which_is_the_source_of_its_clause()
    {
        var (text, claims) = Run("The ferry company, which has denied any fault, closed the route.");
        var denied = ByCue(text, claims, "denied");
        denied.Source!.Value.Of(text).Should().Be("which");
        denied.Content.Of(text).Should().Be("any fault", "the relative clause ends before the main clause's verb");
    }

    [Theory]
    [InlineData("Ilse Marwick, of Dover, Del., said the tolls were too high.", "Ilse Marwick, of Dover, Del.,")]
    [InlineData("Rep. Ann Loft (D-N.Y.) said the tolls were too high.", "Rep. Ann Loft (D-N.Y.)")]
    public void An_abbreviation_the_splitter_took_for_a_full_stop_does_not_cut_the_speaker_from_the_cue(string sentence, string source)
    {
        var (text, claims) = Run(sentence);
        var said = ByCue(text, claims, "said");
        said.Source!.Value.Of(text).Should().Be(source);
        said.Content.Of(text).Should().Be("the tolls were too high");
    }

    [Fact]
    public void A_title_case_headline_has_a_capitalised_cue()
    {
        var (text, claims) = Run("Harbour Will Reopen Next Week, Port Chief Says.\n\nThe harbour will reopen next week.");
        var says = ByCue(text, claims, "Says");
        says.Source!.Value.Of(text).Should().Be("Port Chief");
        says.Content.Of(text).Should().Be("Harbour Will Reopen Next Week");
        claims.Should().ContainSingle("'Will' and 'Reopen' are no cues");
    }

    [Fact]
    public void A_participle_opening_the_speaker_after_a_quote_belongs_to_the_speaker()
    {
        var (text, claims) = Run("“The pier is safe,” retired harbour pilot Jon Brake said.");
        var said = ByCue(text, claims, "said");
        said.Source!.Value.Of(text).Should().Be("retired harbour pilot Jon Brake");
        said.Content.Of(text).Should().Be("“The pier is safe,”");
    }

    [Fact]
    public void What_a_quote_is_about_stands_between_the_cue_and_the_quote()
    {
        var (text, claims) = Run("The skipper says of the mayor, “She will sell the harbour.”");
        var says = ByCue(text, claims, "says");
        says.Source!.Value.Of(text).Should().Be("The skipper");
        says.Content.Of(text).Should().Be("“She will sell the harbour.”");
    }

    [Fact]
    public void A_cue_closing_its_sentence_with_a_colon_announces_the_next_paragraphs_first_sentence()
    {
        var (text, claims) = Run("The harbour master added:\n\nThe pier is unsafe. Nobody should moor there.\n\nThe council meets on Friday.");
        var added = ByCue(text, claims, "added");
        added.Source!.Value.Of(text).Should().Be("The harbour master");
        added.Content.Of(text).Should().Be("The pier is unsafe.", "unquoted, only the first sentence is surely the speaker's");
        added.Kind.Should().Be(AttributionKind.Other);
    }

    [Fact]
    public void Quoted_by_a_relay_as_saying_makes_the_passive_subject_the_speaker_and_the_relay_its_relay()
    {
        var (text, claims) = Run("Ruth Alder was quoted by the Harbour Gazette as saying the pier would reopen.");
        var quoted = claims.Single();
        quoted.Source!.Value.Of(text).Should().Be("Ruth Alder");
        quoted.Cue!.Value.Of(text).Should().Be("quoted by the Harbour Gazette as saying");
        quoted.Content.Of(text).Should().Be("the pier would reopen");
        quoted.Chain.Select(s => s.Of(text)).Should().Equal("Ruth Alder", "the Harbour Gazette");
    }

    [Fact]
    public void A_that_past_a_preposition_after_the_addressee_is_relative_and_the_quote_before_stays_the_content()
    {
        var (text, claims) = Run("“We are in a critical situation,” Chancellor Ilse Marwick told reporters after the long meeting that was held on a boat.");
        var told = ByCue(text, claims, "told");
        told.Source!.Value.Of(text).Should().Be("Chancellor Ilse Marwick");
        told.Content.Of(text).Should().Be("“We are in a critical situation,”");
        var (text2, claims2) = Run("The skipper told reporters in Dover that the pier was unsafe.");
        ByCue(text2, claims2, "told").Content.Of(text2).Should().Be("the pier was unsafe");
    }

    [Fact]
    public void A_year_between_the_speaker_and_the_cue()
    {
        var (text, claims) = Run("The board met the harbour master, who in 2010 said the pier would never close.");
        var said = ByCue(text, claims, "said");
        said.Source!.Value.Of(text).Should().Be("who");
        said.Content.Of(text).Should().Be("the pier would never close");
    }

    [Fact]
    public void A_fronted_asked_reports_a_question_put_by_someone_unnamed()
    {
        var (text, claims) = Run("Asked to describe the boat that hit the pier, the harbour master said, \"Not going to go into that.\"");
        var asked = ByCue(text, claims, "Asked");
        asked.Source.Should().BeNull();
        asked.Content.Of(text).Should().Be("to describe the boat that hit the pier");
        ByCue(text, claims, "said").Source!.Value.Of(text).Should().Be("the harbour master");
        var (text2, claims2) = Run("Pleased with the result, the mayor said the pier would close.");
        claims2.Should().ContainSingle().Which.Cue!.Value.Of(text2).Should().Be("said");
    }

    [Theory]
    [InlineData("Governor Ilse Marwick declared in the 1970s.")]
    [InlineData("The harbour board rejected in 2015.")]
    public void A_bare_time_phrase_after_the_cue_is_no_content(string sentence)
    {
        var (_, claims) = Run(sentence);
        claims.Should().BeEmpty();
    }

    [Fact]
    public void A_quantified_relative_pronoun_is_the_source()
    {
        var (text, claims) = Run("The council met the skippers, two of whom said the pier was unsafe.");
        var said = ByCue(text, claims, "said");
        said.Source!.Value.Of(text).Should().Be("two of whom");
        said.Content.Of(text).Should().Be("the pier was unsafe");
    }

    [Fact]
    public void An_unclosed_bracket_does_not_join_the_sentences_after_it()
    {
        var (text, claims) = Run("The council met on Friday (a rare event. The mayor said the pier was safe. Residents said the tolls were too high.");
        var mayor = claims.Single(a => a.Source is { } s && s.Of(text) == "The mayor");
        mayor.Content.Of(text).Should().Be("the pier was safe");
        var residents = claims.Single(a => a.Source is { } s && s.Of(text) == "Residents");
        residents.Content.Of(text).Should().Be("the tolls were too high");
        residents.Chain.Select(c => c.Of(text)).Should().Equal("Residents");
    }

    [Fact]
    public void A_bracketed_passage_of_two_sentences_stays_two_sentences()
    {
        var (text, claims) = Run("(The mayor declined to comment. She later said the pier was safe.)");
        ByCue(text, claims, "declined").Content.Of(text).Should().Be("to comment");
        var said = ByCue(text, claims, "said");
        said.Source!.Value.Of(text).Should().Be("She");
        said.Content.Of(text).Should().Be("the pier was safe");
    }

    [Fact]
    public void A_question_mark_before_a_lower_case_cue_is_no_sentence_end()
    {
        var (text, claims) = Run("\"Why not?\" she asked.");
        var asked = ByCue(text, claims, "asked");
        asked.Source!.Value.Of(text).Should().Be("she");
        asked.Content.Of(text).Should().Be("\"Why not?\"");
    }

    [Theory]
    [InlineData("The agency, which warned that roads, bridges and schools were damaged, closed the port.", "warned", "roads, bridges and schools were damaged")]
    [InlineData("Ilse Marwick, who said apples, pears and plums were scarce, runs the market.", "said", "apples, pears and plums were scarce")]
    [InlineData("The ferry company, which has denied any fault, closed the route.", "denied", "any fault")]
    public void A_list_inside_a_non_restrictive_relative_clause_is_no_main_verb(string sentence, string cue, string content)
    {
        var (text, claims) = Run(sentence);
        ByCue(text, claims, cue).Content.Of(text).Should().Be(content);
    }

    [Fact]
    public void Only_a_verb_of_questioning_fronts_an_unnamed_question()
    {
        Run("Expected to rise, prices climbed again in May.").Claims.Should().BeEmpty();
    }

    [Fact]
    public void Yet_between_two_verbs_coordinates_them()
    {
        var (text, claims) = Run("The mayor praised the crews yet refused to pay them.");
        var refused = ByCue(text, claims, "refused");
        refused.Source!.Value.Of(text).Should().Be("The mayor");
        refused.Content.Of(text).Should().Be("to pay them");
    }

    [Theory]
    [InlineData("Indeed said job postings fell in March.", "Indeed")]
    [InlineData("Now This News said the pier was closed.", "Now This News")]
    public void An_adverb_that_may_be_a_name_stays_in_the_source(string sentence, string source)
    {
        var (text, claims) = Run(sentence);
        ByCue(text, claims, "said").Source!.Value.Of(text).Should().Be(source);
    }

    [Fact]
    public void A_caption_after_a_colon_is_no_content()
    {
        Run("The analyst added:\n\nMore coverage: Markets live blog").Claims.Should().BeEmpty();
    }

    [Fact]
    public void A_list_after_a_colon_is_the_content_with_every_item()
    {
        var (text, claims) = Run("The ministry said:\n\n- 12 bridges closed\n- 4 ferries stranded\n\nThe port stays shut.");
        var said = ByCue(text, claims, "said");
        said.Content.Of(text).Should().Be("12 bridges closed\n- 4 ferries stranded");
        said.Kind.Should().Be(AttributionKind.Other, "an unquoted paragraph is no direct quote");
    }

    [Fact]
    public void An_unquoted_paragraph_after_a_colon_gives_only_its_first_sentence()
    {
        var (text, claims) = Run("The mayor explained:\n\nThe council will meet on Friday. The skipper said the pier was unsafe.");
        var explained = ByCue(text, claims, "explained");
        explained.Content.Of(text).Should().Be("The council will meet on Friday.");
        explained.Kind.Should().Be(AttributionKind.Other);
        var said = ByCue(text, claims, "said");
        said.Source!.Value.Of(text).Should().Be("The skipper");
        said.Chain.Select(s => s.Of(text)).Should().Equal("The skipper");
    }

    [Fact]
    public void A_quoted_paragraph_after_a_colon_is_a_direct_quote_of_every_sentence()
    {
        var (text, claims) = Run("The governor added:\n\n\"We will rebuild the pier. It will take a year.\"");
        var added = ByCue(text, claims, "added");
        added.Content.Of(text).Should().Be("\"We will rebuild the pier. It will take a year.\"");
        added.Kind.Should().Be(AttributionKind.DirectQuote);
    }

    [Fact]
    public void A_which_after_a_clause_stands_for_the_clause_and_is_no_source()
    {
        var (text, claims) = Run("The mayor resigned on Monday, which shows that the council had lost faith in her.");
        claims.Should().NotContain(a => a.Source != null && a.Source.Value.Of(text) == "which");
    }

    [Theory]
    [InlineData("Ferry Operator Claims Record Year")]
    [InlineData("Obama Calls For Calm")]
    [InlineData("Sen. Ann Loft Reported Missing After Storm")]
    public void A_title_case_headline_verb_with_a_plain_object_is_no_cue(string headline)
    {
        Run(headline + "\n\nThe harbour will reopen next week.").Claims.Should().BeEmpty();
    }

    [Fact]
    public void A_title_case_headline_verb_of_speech_is_a_cue_anywhere()
    {
        var (text, claims) = Run("Port Chief Says Harbour Will Reopen Next Week\n\nThe harbour will reopen next week.");
        var says = ByCue(text, claims, "Says");
        says.Source!.Value.Of(text).Should().Be("Port Chief");
        says.Content.Of(text).Should().Be("Harbour Will Reopen Next Week");
    }

    [Fact]
    public void Says_of_a_bare_phrase_has_no_content()
    {
        Run("He says of the mayor").Claims.Should().BeEmpty();
    }

    [Fact]
    public void Mending_broken_sentences_never_undoes_the_splitters_length_cap()
    {
        // One line, one early bracket, no sentence end: the splitter cuts it for length, and the pieces stay cut.
        var text = "The council (a rare event said " + string.Concat(Enumerable.Repeat("the pier was safe, ", 400)) + "and closed.";
        var (sentences, tokens) = Tokenizer.Analyze(text);
        sentences.Length.Should().BeGreaterThan(1);
        var merged = AttributionExtractor.MergeBrokenSentences(new TokenView(text, tokens), sentences);
        merged.Should().OnlyContain(s => s.TokenCount <= SentenceSplitter.MaxSentenceTokens);
        merged.Length.Should().Be(sentences.Length);
    }
    [Theory]
    [InlineData("Budget analysts agreed it was a costly plan.", "Budget analysts", "it was a costly plan", ClaimStatus.Confirmed)]
    [InlineData("The port authority agreed to close the eastern pier.", "The port authority", "to close the eastern pier", ClaimStatus.Asserted)]
    [InlineData("The inspector agreed with the engineers that the bridge was unsafe.", "The inspector", "the bridge was unsafe", ClaimStatus.Confirmed)]
    [InlineData("Harbour economists agreed the new toll would hurt the poorest.", "Harbour economists", "the new toll would hurt the poorest", ClaimStatus.Confirmed)]
    public void Agreeing_reports_a_clause_without_that_or_a_commitment(string text, string source, string content, ClaimStatus status)
    {
        var (_, claims) = Run(text);
        var a = ByCue(text, claims, "agreed");
        a.Source!.Value.Of(text).Should().Be(source);
        a.Content.Of(text).Should().Be(content);
        a.Status.Should().Be(status);
    }

    [Theory]
    [InlineData("The two ministers agreed on a date for the talks.")]
    [InlineData("The clubs agreed the transfer fee last week.")]
    [InlineData("The two clubs agreed the new transfer fee and the wages.")]
    [InlineData("The union agreed to a new contract.")]
    [InlineData("Sixty percent of the members agreed.")]
    [InlineData("The champion maintained a narrow lead after the third round.")]
    [InlineData("The water level has remained high, the engineers maintain the pumps.")]
    [InlineData("After hours of talks, the two sides agreed.")]
    [InlineData("On Tuesday, the council agreed.")]
    public void Agreeing_or_maintaining_without_a_reported_clause_is_no_claim(string text)
    {
        var (_, claims) = Run(text);
        claims.Should().BeEmpty();
    }

    [Fact]
    public void A_verb_of_maintaining_closes_the_report_it_follows()
    {
        const string text = "The ferry was never overloaded, the shipping company maintains.";
        var (_, claims) = Run(text);
        var a = ByCue(text, claims, "maintains");
        a.Source!.Value.Of(text).Should().Be("the shipping company");
        a.Content.Of(text).Should().Be("The ferry was never overloaded");
    }

    [Theory]
    [InlineData("The harbour master says the ferry operator promised to add sailings.", "promised", "the ferry operator")]
    [InlineData("Both unions say the board has never told them about the cuts.", "told", "the board")]
    public void The_speaker_of_a_reported_clause_starts_after_the_outer_verb_of_speech(string text, string cue, string source)
    {
        var (_, claims) = Run(text);
        ByCue(text, claims, cue).Source!.Value.Of(text).Should().Be(source);
    }

    [Theory]
    [InlineData("The registration problem was first reported by the Daily Ledger.", "reported", "the Daily Ledger", "The registration problem")]
    [InlineData("The new port budget is supported by most councillors.", "supported", "most councillors", "The new port budget")]
    public void A_passive_with_its_agent_and_nothing_after_reports_its_subject(string text, string cue, string source, string content)
    {
        var (_, claims) = Run(text);
        var a = ByCue(text, claims, cue);
        a.Source!.Value.Of(text).Should().Be(source);
        a.Content.Of(text).Should().Be(content);
    }

    [Theory]
    [InlineData("The old bridge was built by the army.")]
    [InlineData("The final was won by the visitors.")]
    [InlineData("The main road was blocked by protesters for an hour.")]
    [InlineData("It was reported by the agency.")]
    public void A_passive_of_an_act_or_with_a_pronoun_subject_is_no_claim(string text)
    {
        var (_, claims) = Run(text);
        claims.Should().BeEmpty();
    }

    [Fact]
    public void The_model_vetoes_a_lexicon_form_only_when_training_saw_it_as_a_cue_less_than_almost_always()
    {
        // A sure veto: a weak one gives way before a bare clause ("believes the pier will reopen").
        var vetoesEverything = new CueClassifier(new Dictionary<string, double> { ["b"] = -10.0 });
        var priors = new Dictionary<string, CuePrior>(StringComparer.OrdinalIgnoreCase)
        {
            ["said"] = new(100, 95, 90),
            ["believes"] = new(100, 30, 25),
        };
        var lexicon = CueLexicon.WithPriors(priors, vetoesEverything);
        const string text = "The harbour master said the pier would reopen. The ferry captain believes the pier will reopen.";
        var article = new AnalyzedArticle(new Article { Id = "t", Text = text, ContentHash = "t" });
        article = new TextStage().Process(article, Context);
        var claims = new AttributionStage(lexicon).Process(article, Context).Get(Layers.Claims);
        claims.Should().ContainSingle().Which.Cue!.Value.Of(text).Should().Be("said");
    }

    [Fact]
    public void A_participle_after_the_quote_of_a_cue_shares_its_speaker_and_leaves_it_the_quote()
    {
        const string text = "In a statement, the shipyard said: \"The order book was full when the yard was sold,\" adding that its value doubled within a year.";
        var (_, claims) = Run(text);
        var said = ByCue(text, claims, "said");
        said.Content.Of(text).Should().Be("\"The order book was full when the yard was sold,\"");
        var adding = ByCue(text, claims, "adding");
        adding.Source!.Value.Of(text).Should().Be("the shipyard");
        adding.Content.Of(text).Should().Be("its value doubled within a year");
        claims.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("Raising the levy \"is a misguided approach,\" said Ana Ruiz (a view echoed by every economist I asked).", "Ana Ruiz")]
    [InlineData("\"The pier is safe,\" said Sen. Tom Hale (D-Ore.).", "Sen. Tom Hale")]
    public void An_inverted_speaker_ends_before_a_bracketed_aside(string text, string source)
    {
        var (_, claims) = Run(text);
        ByCue(text, claims, "said").Source!.Value.Of(text).Should().Be(source);
    }

    [Fact]
    public void An_accusation_of_a_gerund_wins_over_a_scare_quote_before_the_speaker()
    {
        const string text = "Mocking the \"rigged panel,\" the candidate accused the host of being a party member.";
        var (_, claims) = Run(text);
        var a = ByCue(text, claims, "accused");
        a.Source!.Value.Of(text).Should().Be("the candidate");
        a.Content.Of(text).Should().EndWith("of being a party member").And.NotContain("rigged");
    }

    [Theory]
    [InlineData("His charity, called the Harbour Legacy Fund, will still own the pier.")]
    [InlineData("The visa scheme, dubbed EB-9, allows investors to gain residency.")]
    [InlineData("It is worth noting that the ferry has never been late.")]
    [InlineData("It's worth mentioning the pier reopened in May.")]
    public void A_naming_participle_or_the_writers_aside_is_no_claim(string text)
    {
        var (_, claims) = Run(text);
        claims.Should().BeEmpty();
    }

    [Fact]
    public void A_participle_between_commas_that_names_nothing_leaves_the_main_cue()
    {
        const string text = "The mayor, called before the committee, said the plan was rushed.";
        var (_, claims) = Run(text);
        claims.Should().ContainSingle().Which.Cue!.Value.Of(text).Should().Be("said");
    }

    [Fact]
    public void A_participle_after_an_adverb_reports_for_the_main_clause()
    {
        const string text = "The coach criticised the referee, even suggesting the match had been fixed.";
        var (_, claims) = Run(text);
        ByCue(text, claims, "suggesting").Content.Of(text).Should().Be("the match had been fixed");
    }


    /// <summary>A pronoun-led report that opens another claim's content is that claim's words, not a second claim.</summary>
    [Theory]
    [InlineData("The mayor said she believes the pier will reopen in May.", "said", "she believes the pier will reopen in May")]
    [InlineData("The minister told reporters that he thinks the tax is fair.", "told", "he thinks the tax is fair")]
    [InlineData("The governor said he refused to sign the order.", "said", "he refused to sign the order")]
    [InlineData("The senator said he claimed during the hearing that the funds were missing.", "said", "he claimed during the hearing that the funds were missing")]
    [InlineData("The pilot said she recalled hearing a loud bang.", "said", "she recalled hearing a loud bang")]
    public void A_pronoun_report_inside_a_reported_clause_is_no_second_claim(string sentence, string cue, string content)
    {
        var (text, claims) = Run(sentence);
        var single = claims.Should().ContainSingle().Subject;
        single.Cue!.Value.Of(text).Should().Be(cue);
        single.Content.Of(text).Should().Be(content);
    }

    /// <summary>A named speaker inside a report stays a claim, relayed by the outer source; a pronoun that opens no content stays too.</summary>
    [Fact]
    public void A_named_report_inside_a_reported_clause_stays_a_relayed_claim()
    {
        var (text, claims) = Run("The Ledger reported that port officials said the pier would reopen. She said the levy was fair.");
        var inner = ByCue(text, claims, "said");
        inner.Source!.Value.Of(text).Should().Be("port officials");
        inner.RelaySpans.Select(r => r.Of(text)).Should().Equal("The Ledger");
        claims.Should().Contain(a => a.Source != null && a.Source.Value.Of(text) == "She");
    }

    /// <summary>A reporting verb before a clause without "that" reports it, even where the cue model hesitates.</summary>
    [Theory]
    [InlineData("An independent review found the agency was short of staff for years.", "found", "the agency was short of staff for years")]
    [InlineData("Court records show he paid the fine in full last spring.", "show", "he paid the fine in full last spring")]
    [InlineData("A second audit of the port's accounts indicates the levy had been collected twice.", "indicates", "the levy had been collected twice")]
    public void A_reporting_verb_before_a_bare_clause_is_a_claim(string sentence, string cue, string content)
    {
        var (text, claims) = Run(sentence);
        ByCue(text, claims, cue).Content.Of(text).Should().Be(content);
    }

    /// <summary>A reporting word used as a noun before a finite verb opens no bare clause.</summary>
    [Theory]
    [InlineData("Coastal states have raised their ferry fees.")]
    [InlineData("Two coastal states had raised their ferry fees by spring.")]
    public void A_reporting_noun_before_a_verb_is_no_claim(string sentence)
    {
        var (_, claims) = Run(sentence);
        claims.Should().BeEmpty();
    }

    /// <summary>Ordinary sentences a cue word sits in without reporting anything: the learned cue model must not make them claims.</summary>
    [Theory]
    [InlineData("He said goodbye.")]
    [InlineData("She said goodbye to her colleagues and left the building.")]
    [InlineData("The said property was sold at auction last spring.")]
    [InlineData("The ferry left the harbour at dawn and reached the island by noon.")]
    [InlineData("The committee approved the budget and adjourned.")]
    [InlineData("Workers blocked the road with two lorries.")]
    [InlineData("The river rose by half a metre overnight.")]
    [InlineData("They walked home after the match.")]
    public void Ordinary_sentences_are_no_claims(string sentence)
    {
        var (_, claims) = Run(sentence);
        claims.Should().BeEmpty();
    }

    [Fact]
    public void A_second_statement_joined_by_and_ends_what_the_speaker_first_said()
    {
        var (text, claims) = Run("The harbour board first said the ferry sank in March and later reported two crew members missing.");
        claims.Select(c => c.Content.Of(text)).Should().Contain("the ferry sank in March")
            .And.NotContain(content => content.Contains("reported", StringComparison.Ordinal));
        var (nestedText, nested) = Run("The harbour board said the coast guard reported two crew members missing.");
        nested.Should().Contain(c => c.Content.Of(nestedText) == "the coast guard reported two crew members missing",
            "a report by another speaker inside the content is what the board said");
    }

    /// <summary>After a personal pronoun, a plain object of a verb of finding is a thing found, not a finding reported.</summary>
    [Theory]
    [InlineData("He found the keys under the mat.", false)]
    [InlineData("She showed the visitors the new wing of the museum.", false)]
    [InlineData("They found that the levee had been breached twice.", true)]
    [InlineData("They found the door was open when they arrived.", true)]
    [InlineData("A survey found most residents back the new ferry timetable.", true)]
    public void A_verb_of_finding_after_a_pronoun_needs_a_clause(string sentence, bool isClaim)
    {
        var (_, claims) = Run(sentence);
        claims.Any().Should().Be(isClaim);
    }

    /// <summary>A verb closing a sentence a quote opened reports the quote; a verb closing an ordinary sentence does not.</summary>
    [Theory]
    [InlineData("\"We will rebuild the pier,\" the harbour master remarked.", "remarked", true)]
    [InlineData("\"Is this the end?\" one trader wondered.", "wondered", true)]
    [InlineData("The crowd in the old square cheered.", "cheered", false)]
    [InlineData("He called the plan \"a disgrace\" and walked out.", "out", false)]
    [InlineData("Fans waved flags outside the \"Lion's Den\" in the rain.", "rain", false)]
    public void A_verb_closing_a_quoted_sentence_has_the_quote_as_complement(string sentence, string word, bool expected) =>
        AttributionExtractorProbe.HasComplement(sentence, word).Should().Be(expected);

    [Theory]
    [InlineData("The pastor said prayer in schools should be allowed again.", "said")]
    [InlineData("\"We will reopen the pier,\" said Grace Okafor, the harbour master.", "said")]
    [InlineData("She said goodbye was the hardest word she had learned.", "said")]
    public void A_speech_act_word_that_opens_a_report_keeps_the_claim(string sentence, string cue)
    {
        var (text, claims) = Run(sentence);
        claims.Should().Contain(a => a.Cue != null && a.Cue.Value.Of(text) == cue);
    }

    /// <summary>A poll fronting its sentence is the source of the main clause, with "In" as the cue (as PolNeAR marks it).</summary>
    [Theory]
    [InlineData("In a new harbour survey released Monday, 52 percent of residents backed the toll.", "a new harbour survey released Monday", "52 percent of residents backed the toll")]
    [InlineData("In the latest ferry poll, conducted in May, the mayor led by ten points.", "the latest ferry poll, conducted in May", "the mayor led by ten points")]
    [InlineData("In exit polls, voters said the toll was too high.", "exit polls", "voters said the toll was too high")]
    [InlineData("In a harbour survey of 600 residents, most backed the new pier.", "a harbour survey of 600 residents", "most backed the new pier")]
    [InlineData("In this poll, the mayor gained 3 percent since the debate.", "this poll", "the mayor gained 3 percent since the debate")]
    [InlineData("In a Coast Gazette poll released Friday, most voters backed the toll.", "a Coast Gazette poll released Friday", "most voters backed the toll")]
    public void A_fronted_poll_is_the_source_of_the_main_clause(string sentence, string source, string content)
    {
        var (text, claims) = Run(sentence);
        var poll = ByCue(text, claims, "In");
        poll.Source!.Value.Of(text).Should().Be(source);
        poll.Content.Of(text).Should().Be(content);
    }

    /// <summary>A poll that is no fronted source, or a fronted phrase the poll is not the head of, makes no poll claim.</summary>
    [Theory]
    [InlineData("The mayor has slid in the polls since the toll was raised.")]
    [InlineData("In April, the council raised the ferry toll.")]
    [InlineData("In the towns where polls closed early, turnout was low.")]
    [InlineData("In a memo written as polls closed, the aide urged calm.")]
    [InlineData("In the polls, anyway.")]
    [InlineData("In the 2022 polls, the harbour party won 41 seats.")]
    [InlineData("In the run-up to the polls, the ruling party spent heavily on ferry adverts.")]
    [InlineData("In the wake of the poll, the harbour minister resigned.")]
    [InlineData("In regional polls last spring, turnout fell to 38 percent.")]
    [InlineData("In a survey of the storm damage, engineers found cracks in the pier.")]
    [InlineData("In the county poll, the mayor's party won 52 percent and kept its seats.")]
    [InlineData("In the latest poll, the mayor looked tired.")]
    public void A_poll_that_fronts_no_clause_is_no_source(string sentence)
    {
        var (text, claims) = Run(sentence);
        claims.Should().NotContain(a => a.Cue != null && a.Cue.Value.Of(text) == "In");
    }

    /// <summary>
    /// Inside another claim's words, a stance or act the cue model took ("plans") is part of what was said; a verb of
    /// speech or a lexicon cue there ("said", "promised") stays a claim of its own, relayed by the outer source.
    /// </summary>
    [Fact]
    public void A_learned_cue_inside_another_claims_words_is_no_claim_of_its_own()
    {
        var (text, claims) = Run("The aide said the mayor plans to visit the harbour on Sunday.");
        claims.Should().ContainSingle().Which.Content.Of(text).Should().Be("the mayor plans to visit the harbour on Sunday");
        var (relayed, relayedClaims) = Run("The aide says the mayor promised to cut the toll.");
        relayedClaims.Should().Contain(a => a.Cue != null && a.Cue.Value.Of(relayed) == "promised");
    }

    /// <summary>
    /// A quote ending in "!" or "?" ends a sentence for the splitter; the speaker after it still signs the quote when
    /// only a phrase follows the verb ("to the magazine"), not when an infinitive or a question does.
    /// </summary>
    [Theory]
    [InlineData("“We need our harbour back!” Okafor said to the Ledger.", "said", "“We need our harbour back!”")]
    [InlineData("“Who pays the toll?” the mayor said of the new levy on Monday.", "said", "“Who pays the toll?”")]
    public void A_quote_ending_its_sentence_is_signed_by_a_speaker_with_a_phrase_after(string text, string cue, string content)
    {
        var (_, claims) = Run(text);
        ByCue(text, claims, cue).Content.Of(text).Should().Be(content);
    }

    /// <summary>A plural quantifier standing alone is the speaker when a report follows the word after it.</summary>
    [Theory]
    [InlineData("Some note that the ferry toll is too high.", "Some", "note", "the ferry toll is too high")]
    [InlineData("Many believe the ferry toll is too high.", "Many", "believe", "the ferry toll is too high")]
    [InlineData("But several said the pier would close.", "several", "said", "the pier would close")]
    public void A_quantifier_alone_is_a_subject_before_a_report(string sentence, string source, string cue, string content)
    {
        var (text, claims) = Run(sentence);
        var claim = ByCue(text, claims, cue);
        claim.Source!.Value.Of(text).Should().Be(source);
        claim.Content.Of(text).Should().Be(content);
    }

    /// <summary>After a quantifier, a plural or a word with no report after it is a noun: no claim.</summary>
    [Theory]
    [InlineData("Some notes were left on the pier.")]
    [InlineData("Many reports of the storm came late.")]
    [InlineData("Some note the date in their diaries.")]
    [InlineData("Several claims reached the harbour office on Monday.")]
    public void A_quantifier_before_a_noun_makes_no_claim(string sentence)
    {
        var (_, claims) = Run(sentence);
        claims.Should().BeEmpty();
    }

    /// <summary>"neither confirmed nor denied" is one undecided answer: the pair is the cue, what follows the content.</summary>
    [Theory]
    [InlineData("The ministry has neither confirmed nor denied the troop deployment.", "neither confirmed nor denied", "the troop deployment")]
    [InlineData("The ferry company would neither admit nor deny that the hull had cracked.", "neither admit nor deny", "the hull had cracked")]
    [InlineData("The port authority would not confirm or deny that the ferry had been sold.", "confirm or deny", "the ferry had been sold")]
    public void A_negated_pair_of_opposite_answers_is_one_cue(string sentence, string cue, string content)
    {
        var (text, claims) = Run(sentence);
        var answer = claims.Single();
        answer.Cue!.Value.Of(text).Should().Be(cue);
        answer.Content.Of(text).Should().Be(content);
        answer.Status.Should().Be(ClaimStatus.Unverified);
    }

    /// <summary>
    /// After a telling verb, a determiner and its noun are the addressee only when a new clause opens after them;
    /// otherwise they are the subject of what was said, and never is the determiner alone the addressee.
    /// </summary>
    [Theory]
    [InlineData("The mayor told the council the pier would close.", "told", "the pier would close")]
    [InlineData("The mayor told the local council he would resign.", "told", "he would resign")]
    [InlineData("The agency warned the town would flood by Friday.", "warned", "the town would flood by Friday")]
    [InlineData("Officials warn the dam could fail within weeks.", "warn", "the dam could fail within weeks")]
    [InlineData("The skipper told reporters the pier was unsafe.", "told", "the pier was unsafe")]
    [InlineData("The skipper told the crowd that the pier was unsafe.", "told", "the pier was unsafe")]
    public void A_determiner_after_a_telling_verb_keeps_its_noun(string sentence, string cue, string content)
    {
        var (text, claims) = Run(sentence);
        ByCue(text, claims, cue).Content.Of(text).Should().Be(content);
    }

    /// <summary>Two negated verbs that are no opposite answers are no pair: the first is the cue alone.</summary>
    [Theory]
    [InlineData("The port authority would not say or suggest that the ferry had been sold.", "say or suggest")]
    [InlineData("The ministry did not confirm or comment on reports that the pier had closed.", "confirm or comment")]
    public void Negated_verbs_that_are_no_opposite_answers_are_no_pair(string sentence, string pair)
    {
        var (text, claims) = Run(sentence);
        claims.Should().NotContain(a => a.Cue != null && a.Cue.Value.Of(text) == pair);
    }
    /// <summary>The cue model sees on which side of a word a verb of speech stands in its sentence (PolNeAR marks no cue inside another's content).</summary>
    [Theory]
    [InlineData("The board said the coast guard reported two crew members missing.", "reported", "sp=l")]
    [InlineData("The coast guard reported two crew members missing, the board said.", "reported", "sp=r")]
    [InlineData("The coast guard reported two crew members missing.", "reported", "sp=no")]
    [InlineData("The coast guard found two crew members on the pier.", "found", "sp=no")]
    public void The_cue_model_sees_a_nearby_verb_of_speech(string sentence, string word, string expected)
    {
        AttributionExtractorProbe.NearbySpeech(sentence, word).Should().Be(expected);
    }

    /// <summary>A named report inside another claim's content is asked again without its neighbour and relayed; a pronoun-led one stays part of the content.</summary>
    [Fact]
    public void A_named_report_inside_a_content_is_a_relayed_claim()
    {
        var (text, claims) = Run("The ministry said the port authority reported that the old pier had collapsed.");
        var inner = ByCue(text, claims, "reported");
        inner.Source!.Value.Of(text).Should().Be("the port authority");
        inner.RelaySpans.Select(r => r.Of(text)).Should().Contain("The ministry");
        var (pronounText, pronounClaims) = Run("The ministry said it reported that the old pier had collapsed.");
        pronounClaims.Should().NotContain(c => c.Cue != null && c.Cue.Value.Of(pronounText) == "reported");
    }

    /// <summary>A verb joined by "and later" / "but" to an accepted cue is the same speaker's second statement; a verb with its own subject is not.</summary>
    [Fact]
    public void A_coordinated_second_report_shares_the_first_speaker()
    {
        var (text, claims) = Run("The union first denied the strike plan and later reported that talks had failed.");
        ByCue(text, claims, "reported").Source!.Value.Of(text).Should().Be("The union");
        var (ownText, ownClaims) = Run("The union denied the strike plan and the company reported that talks had failed.");
        // The source's extent ("the strike plan and the company") is a separate weakness; here only whose claim it is matters.
        ByCue(ownText, ownClaims, "reported").Source!.Value.Of(ownText).Should().EndWith("the company").And.NotBe("The union");
    }
}


/// <summary>Reaches the cue rules of the stage for one word of an invented sentence.</summary>
internal static class AttributionExtractorProbe
{
    private static (TokenView View, int Word) At(string text, string word)
    {
        var (_, tokens) = Tokenizer.Analyze(text);
        return (new TokenView(text, tokens), tokens.ToList().FindIndex(t => t.Span.Of(text) == word));
    }

    public static bool HasComplement(string text, string word)
    {
        var (view, t) = At(text, word);
        return AttributionExtractor.HasReportComplement(view, t);
    }

    public static bool IsCandidate(string text, string word)
    {
        var (view, t) = At(text, word);
        return AttributionExtractor.IsCandidate(view, t, CueLexicon.English);
    }

    public static string Subject(string text, string word)
    {
        var (view, t) = At(text, word);
        var features = new List<string>();
        CueClassifier.Features(view, t, 0, CueLexicon.English, false, features);
        return features.Single(f => f.StartsWith("sub=", StringComparison.Ordinal));
    }

    public static string NearbySpeech(string text, string word)
    {
        var (view, t) = At(text, word);
        var features = new List<string>();
        CueClassifier.Features(view, t, 0, CueLexicon.English, false, features);
        return features.Single(f => f.StartsWith("sp=", StringComparison.Ordinal));
    }
}
