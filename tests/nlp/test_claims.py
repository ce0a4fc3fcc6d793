"""The claim ledger of hand-written sentences, through the full real pipeline."""


def _claim_containing(analysis, words):
    matches = [c for c in analysis.claims if words in c.text]
    assert matches, f"no claim contains {words!r}: {[c.text for c in analysis.claims]}"
    return matches[0]


def test_no_one_has_produced_evidence_denies(analyze):
    a = analyze("No one has produced evidence that the ministry paid the militia.\n")
    claim = _claim_containing(a, "paid the militia")
    assert claim.status == "denied"
    assert any("evidence" in c.text for c in claim.cues)
    assert claim.certainty < 0.3


def test_revealed_reports_with_a_named_source(analyze):
    a = analyze('Defence Minister Anselm Varga revealed on Tuesday that the army had moved '
                'two battalions to the border.\n')
    claim = _claim_containing(a, "two battalions")
    assert claim.status == "reported"
    assert claim.asserter_entity is not None and "Varga" in claim.asserter_name
    assert claim.evidence.kind == "named_person"


def test_hedges_and_speculation(analyze):
    a = analyze("The shipment allegedly reached the rebels in March.\n\n"
                "The rebels could attack the harbour again next month.\n")
    assert _claim_containing(a, "shipment").status == "hedged"
    assert _claim_containing(a, "attack the harbour").status == "speculative"
    assert _claim_containing(a, "shipment").certainty > _claim_containing(a, "attack the harbour").certainty


def test_question_and_flat_assertion(analyze):
    a = analyze("The bridge collapsed at noon on Friday.\n\nDid the government know about the cracks?\n")
    assert _claim_containing(a, "bridge collapsed").status == "asserted"
    assert _claim_containing(a, "government know").status == "questioned"


def test_anonymous_source(analyze):
    a = analyze("The president plans to resign next week, a senior official said on condition "
                "of anonymity.\n")
    claim = _claim_containing(a, "resign")
    assert claim.evidence.kind == "anonymous"


def test_author_is_the_asserter_of_unattributed_claims(analyze):
    a = analyze("The port handled four million containers last year.\n", author="Jan Novak")
    claim = _claim_containing(a, "four million")
    assert claim.asserter_name == "Jan Novak" and claim.evidence.kind == "none"


def test_claim_offsets_point_at_the_text(analyze):
    text = ('Officials said the fire started in a warehouse. "We are investigating," the mayor told '
            'reporters. The damage allegedly exceeds ten million euros.\n')
    a = analyze(text)
    assert a.claims
    for c in a.claims:
        assert text[c.start:c.end] == c.text
        assert 0 <= c.checkworthiness <= 1 and 0 <= c.certainty <= 1


def test_pronoun_and_definite_sources_resolve_to_their_antecedents(analyze):
    a = analyze("Senator Maria Costa visited the plant on Monday. She said the reactor was safe.\n\n"
                "The Daily Ledger published the audit in May. The newspaper said the audit found "
                "serious flaws in the cooling system.\n")
    by_id = {e.id: e for e in a.entities}
    reactor = _claim_containing(a, "reactor was safe")
    assert reactor.asserter_entity is not None and "Costa" in by_id[reactor.asserter_entity].name
    flaws = _claim_containing(a, "serious flaws")
    assert flaws.asserter_entity is not None and "Ledger" in by_id[flaws.asserter_entity].name
    assert flaws.evidence.kind == "media_report"


def test_learned_uncertainty_reads_whole_sentences_only(workspace):
    # In the shared sentence pass every piece carries its sentence's reading, so the learned
    # probability may decide a claim that stands for its sentence, never a part of one.
    from claimscope.nlp.claims import _own_uncertainty

    doc = workspace.nlp("The minister cut short his visit abroad, and experts fear the toll may rise.")
    sentence = next(iter(doc.sents))
    score = {"uncertain": 0.9}
    part = doc.char_span(0, doc.text.index(","))
    assert _own_uncertainty(sentence, sentence, score) == 0.9
    assert _own_uncertainty(part, sentence, score) == 0.0


def test_fragments_are_not_propositions(workspace):
    from claimscope.nlp.claims import _is_proposition

    nlp = workspace.nlp
    for sentence, cut in [
        ("He was speaking as the results came in.", 4),        # "He was speaking as"
        ("A recession is two quarters of falling output.", 3),   # "A recession is"
        ("Second should be a priority for the council.", 4),    # "Second should be a"
        ("Podesta ripped the senator for saying the plan was dead.", 6),  # "... for saying"
    ]:
        doc = nlp(sentence)
        assert not _is_proposition(doc[:cut]), doc[:cut].text
        assert _is_proposition(doc[:-1]), doc[:-1].text
    doc = nlp("The towns that have to decide by May are small.")
    assert not _is_proposition(doc[2:6])  # "that have to decide": a relative clause
    doc = nlp("The inspectors left when the young man persisted in his shouting.")
    assert not _is_proposition(doc[3:-1])  # "when ...": a circumstance


def test_no_claim_of_a_text_is_a_fragment(analyze):
    a = analyze("The question is whether the council will act. Officials said the plan, "
                "which critics called a gamble, would cost millions and take years. "
                "Take the bus if you can.\n")
    texts = [c.text for c in a.claims]
    assert "The question is whether" not in texts
    for text in texts:
        last = text.rstrip(".\"'”’").split()[-1].lower()
        assert last not in {"a", "the", "as", "and", "whether", "to", "of", "for"}, text
    assert not any(t.startswith("Take the bus") for t in texts)  # an imperative is no claim


def test_the_report_is_a_document_not_the_last_country_named(analyze):
    a = analyze("Britain and France signed the accord in May. The report said the accord had "
                "cut emissions by a third.\n")
    claim = _claim_containing(a, "cut emissions")
    assert claim.asserter_entity is None
    assert claim.evidence.kind == "document"


def test_a_preposition_or_to_that_ends_its_sentence_is_stranded_not_cut_off(analyze):
    a = analyze("The mayor can close the bridge if she wants to.\n\n"
                "Nobody remembers what the festival was about.\n")
    texts = [c.text for c in a.claims]
    assert any(t.endswith("if she wants to") for t in texts), texts
    assert any(t.endswith("was about") for t in texts), texts


def test_a_claim_about_a_report_does_not_rest_on_it(analyze):
    a = analyze("The Harbour Times's report of a secret deal with the mayor has been widely discussed "
                "in the city. The audit found that the council had overspent by four million pounds.\n")
    assert _claim_containing(a, "widely discussed").evidence.kind != "document"
    assert _claim_containing(a, "overspent").evidence.kind == "document"


def test_a_reported_no_evidence_denies_its_that_clause(analyze):
    a = analyze("The spokeswoman rejected the accusation. No one has produced evidence that any "
                "official has ever met the rebels, she added.\n\n"
                "The Harbour Times's report of a leaked memo on the deal has been widely discussed.\n")
    claim = _claim_containing(a, "met the rebels")
    assert claim.status == "denied"
    assert not claim.text.startswith("No one")
    assert _claim_containing(a, "widely discussed").evidence.kind != "document"
