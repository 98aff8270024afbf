"""Statements found in wire-style sentences written for these tests."""

from __future__ import annotations

import pytest

from app.extraction.nlp import get_nlp
from app.extraction.quotes import find_quotes
from app.extraction.statements import RawStatement, find_statements


def _run(text: str) -> list[RawStatement]:
    return find_statements(get_nlp()(text))


def _speaker(text: str, s: RawStatement) -> str | None:
    return text[s.speaker_span.start : s.speaker_span.end] if s.speaker_span else None


# (text, content, kind, cue, speaker): the statement whose content is `content` must exist with
# exactly this kind, cue and speaker text.
CASES: list[tuple[str, str, str, str | None, str | None]] = [
    # direct quotes, attribution after, before, around
    (
        '"We have pushed the rebels out of the valley," the army said.',
        "We have pushed the rebels out of the valley",
        "direct",
        "said",
        "the army",
    ),
    (
        "“The bridge is under our control,” said Colonel Ivan Petrov.",
        "The bridge is under our control",
        "direct",
        "said",
        "Colonel Ivan Petrov",
    ),
    (
        'The minister said: "There will be no talks while the shelling continues."',
        "There will be no talks while the shelling continues.",
        "direct",
        "said",
        "The minister",
    ),
    (
        'The spokesman told reporters, "Our forces acted in self-defence."',
        "Our forces acted in self-defence.",
        "direct",
        "told",
        "The spokesman",
    ),
    (
        "«Nous ne reculerons pas devant les menaces», a rebel commander said.",
        "Nous ne reculerons pas devant les menaces",
        "direct",
        "said",
        "a rebel commander",
    ),
    ('"The town was shelled all night," he said.', "The town was shelled all night", "direct", "said", "he"),
    ('"The wounded cannot be moved," she told Reuters.', "The wounded cannot be moved", "direct", "told", "she"),
    # interrupted quotation: one statement
    (
        '"We will defend every village," the general said, "and we will not retreat."',
        'We will defend every village," the general said, "and we will not retreat.',
        "direct",
        "said",
        "the general",
    ),
    # several sentences inside one pair of marks
    (
        '"The airport is closed. The roads are mined. Nobody can leave," the governor said.',
        "The airport is closed. The roads are mined. Nobody can leave",
        "direct",
        "said",
        "the governor",
    ),
    # "A," X said. "B." in one paragraph: one quotation
    (
        '"The ceasefire is holding," the envoy said. "Both sides have pulled back their guns."',
        'The ceasefire is holding," the envoy said. "Both sides have pulled back their guns.',
        "direct",
        "said",
        "the envoy",
    ),
    # appositive speaker
    (
        '"Twelve fighters surrendered," John Okello, a spokesman for the army, said.',
        "Twelve fighters surrendered",
        "direct",
        "said",
        "John Okello",
    ),
    (
        "Maria Lopez, a nurse at the district hospital, said 40 wounded had arrived overnight.",
        "40 wounded had arrived overnight",
        "indirect",
        "said",
        "Maria Lopez",
    ),
    # reported speech
    (
        "The defence ministry said the talks could not be held while the fighting continued.",
        "the talks could not be held while the fighting continued",
        "indirect",
        "said",
        "The defence ministry",
    ),
    (
        "Police said on Sunday that three civilians were killed in the blast.",
        "three civilians were killed in the blast",
        "indirect",
        "said",
        "Police",
    ),
    (
        "The governor told reporters the curfew would stay in place until Friday.",
        "the curfew would stay in place until Friday",
        "indirect",
        "told",
        "The governor",
    ),
    (
        "Two soldiers were wounded in the ambush, the military said.",
        "Two soldiers were wounded in the ambush",
        "indirect",
        "said",
        "the military",
    ),
    (
        "The convoy reached the city, but aid workers were turned back, a UN official said on Monday.",
        "The convoy reached the city, but aid workers were turned back",
        "indirect",
        "said",
        "a UN official",
    ),
    (
        "The rebels have withdrawn, the colonel said, but the mines remain.",
        "The rebels have withdrawn, the colonel said, but the mines remain",
        "indirect",
        "said",
        "the colonel",
    ),
    (
        "Russian Prime Minister Vladimir Petrenko said his troops would stay.",
        "his troops would stay",
        "indirect",
        "said",
        "Russian Prime Minister Vladimir Petrenko",
    ),
    (
        "A senior U.S. official said the strikes had hit fuel depots.",
        "the strikes had hit fuel depots",
        "indirect",
        "said",
        "A senior U.S. official",
    ),
    (
        "The ministry denied that its aircraft had targeted the market.",
        "its aircraft had targeted the market",
        "indirect",
        "denied",
        "The ministry",
    ),
    (
        "The rebels warned that any attack on the port would be answered.",
        "any attack on the port would be answered",
        "indirect",
        "warned",
        "The rebels",
    ),
    (
        "The army announced that the border crossing would reopen on Tuesday.",
        "the border crossing would reopen on Tuesday",
        "indirect",
        "announced",
        "The army",
    ),
    (
        "The insurgents accused government forces of shelling a refugee camp.",
        "government forces of shelling a refugee camp",
        "indirect",
        "accused",
        "The insurgents",
    ),
    (
        "The president urged both sides to respect the truce.",
        "both sides to respect the truce",
        "indirect",
        "urged",
        "The president",
    ),
    (
        "The Security Council called on the parties to start talks immediately.",
        "the parties to start talks immediately",
        "indirect",
        "called on",
        "The Security Council",
    ),
    (
        "The aid agency called for an immediate halt to the bombing.",
        "an immediate halt to the bombing",
        "indirect",
        "called for",
        "The aid agency",
    ),
    (
        "The commander vowed to retake the airport within a week.",
        "to retake the airport within a week",
        "indirect",
        "vowed",
        "The commander",
    ),
    (
        "The ministry confirmed the attack on the convoy.",
        "the attack on the convoy",
        "indirect",
        "confirmed",
        "The ministry",
    ),
    (
        "The prime minister called the raid a war crime.",
        "the raid a war crime",
        "indirect",
        "called",
        "The prime minister",
    ),
    # "according to"
    (
        "According to the health ministry, 52 people have died since Monday.",
        "52 people have died since Monday",
        "indirect",
        "According to",
        "the health ministry",
    ),
    (
        "At least 300 families fled the district, according to local officials.",
        "At least 300 families fled the district",
        "indirect",
        "according to",
        "local officials",
    ),
    # headline style
    (
        "Defence Minister says troops will stay in the north",
        "troops will stay in the north",
        "indirect",
        "says",
        "Defence Minister",
    ),
    # noun cues
    (
        "In a statement, the rebel group said it had captured two villages.",
        "it had captured two villages",
        "indirect",
        "said",
        "the rebel group",
    ),
    (
        'A statement by the ministry: "The operation has ended and all units have returned."',
        "The operation has ended and all units have returned.",
        "direct",
        "statement",
        "the ministry",
    ),
    (
        "The army's statement said 14 militants had been killed.",
        "14 militants had been killed",
        "indirect",
        "statement",
        "The army",
    ),
    # mixed: quoted words inside reported speech
    (
        'The general said the offensive would last "as long as it takes" to secure the border.',
        'the offensive would last "as long as it takes" to secure the border',
        "mixed",
        "said",
        "The general",
    ),
    (
        'The president accused the rebels of "genocide."',
        'the rebels of "genocide."',
        "mixed",
        "accused",
        "The president",
    ),
    (
        'The commander vowed that his men would "fight to the last bullet."',
        'his men would "fight to the last bullet."',
        "mixed",
        "vowed",
        "The commander",
    ),
    # the writer's words begin the sentence a quotation ends: one mixed statement
    (
        'The refugees had been living in tents for a month and "nobody has come to help us," the mayor said.',
        'The refugees had been living in tents for a month and "nobody has come to help us,"',
        "mixed",
        "said",
        "the mayor",
    ),
    # "said X, noting" participle shares the subject
    (
        "The envoy said the deal was fragile, noting that neither side had disarmed.",
        "neither side had disarmed",
        "indirect",
        "noting",
        "The envoy",
    ),
    # a second reporting verb coordinated in the complement is a statement of its own
    (
        "The army said it had repelled the attack and warned that more raids would follow.",
        "it had repelled the attack",
        "indirect",
        "said",
        "The army",
    ),
    # doubled apostrophes of plain-text archives
    ("''The city is surrounded,'' the mayor said.", "The city is surrounded", "direct", "said", "the mayor"),
    # title abbreviation the parser splits sentences after
    (
        "Six people were hurt in the explosion, police Lt. Somchai Chaiyo said.",
        "Six people were hurt in the explosion",
        "indirect",
        "said",
        "police Lt. Somchai Chaiyo",
    ),
    # a complement's conjoined clauses belong to it
    (
        "The ministry announced that fighting continued through the night, and 2,300 troops were neutralized.",
        "fighting continued through the night, and 2,300 troops were neutralized",
        "indirect",
        "announced",
        "The ministry",
    ),
    # content introduced by a colon runs to the end of the paragraph
    (
        "The spokesman said: The town has fallen. The garrison surrendered.\nAid convoys were waiting.",
        "The town has fallen. The garrison surrendered",
        "indirect",
        "said",
        "The spokesman",
    ),
    (
        "Relief agencies met on Monday.\n\nThe governor added:\n\nIt is a disaster. The roads are gone.",
        "It is a disaster. The roads are gone",
        "indirect",
        "added",
        "The governor",
    ),
    # the attribution set inside its content, after the subject
    (
        "The ceasefire, the envoy said on Tuesday, is holding in most districts.",
        "The ceasefire, the envoy said on Tuesday, is holding in most districts",
        "indirect",
        "said",
        "the envoy",
    ),
    # a wire dateline is not part of what was said
    (
        "KHARTOUM, Sudan (AP) — Gunmen burned two villages overnight, local officials said.",
        "Gunmen burned two villages overnight",
        "indirect",
        "said",
        "local officials",
    ),
    (
        "GAZA CITY ― The strike hit a school, the health ministry said Friday.",
        "The strike hit a school",
        "indirect",
        "said",
        "the health ministry",
    ),
    # a complement without "that" after an adverbial, which the parser hangs as an adverbial clause
    (
        "The colonel said after the meeting his men would hold the bridge.",
        "his men would hold the bridge",
        "indirect",
        "said",
        "The colonel",
    ),
    # "citing ..." after a complement is the speaker's own statement
    (
        "Analysts said the offensive had stalled, citing the loss of two armoured brigades.",
        "the loss of two armoured brigades",
        "indirect",
        "citing",
        "Analysts",
    ),
    (
        "Both sides agreed that the humanitarian corridor would stay open.",
        "the humanitarian corridor would stay open",
        "indirect",
        "agreed",
        "Both sides",
    ),
    # views held by people and bodies
    (
        "Local officials believe the death toll will rise sharply.",
        "the death toll will rise sharply",
        "indirect",
        "believe",
        "Local officials",
    ),
    (
        "The rebels fear that the government will break the truce.",
        "the government will break the truce",
        "indirect",
        "fear",
        "The rebels",
    ),
    # nominal attributions
    (
        "Residents disputed the army's claim that no civilians were hurt in the raid.",
        "no civilians were hurt in the raid",
        "indirect",
        "claim",
        "the army",
    ),
    (
        "The assertion by the militia that it had left the town was false.",
        "it had left the town",
        "indirect",
        "assertion",
        "the militia",
    ),
    (
        "The general's pledge to withdraw his troops by March was welcomed.",
        "to withdraw his troops by March",
        "indirect",
        "pledge",
        "The general",
    ),
    # transcript and headline forms
    (
        "Officials spoke on television.\n\nHOST: Will the ceasefire hold through the weekend?\n\n"
        "KARIMOV: We have no reason to believe it will collapse.",
        "We have no reason to believe it will collapse",
        "indirect",
        ":",
        "KARIMOV",
    ),
    (
        "UN: Half a million people have fled the fighting\n\nThe agency gave no details.",
        "Half a million people have fled the fighting",
        "indirect",
        ":",
        "UN",
    ),
    # a quotation signed with a dash and a name
    (
        "Voices from the camp:\n\n“We left everything behind. The shelling never stopped.” ― Amina Yusuf\n",
        "We left everything behind. The shelling never stopped.",
        "direct",
        "―",
        "Amina Yusuf",
    ),
    # "as X put it" frames the rest of the sentence
    (
        "As one aid worker put it, the city has simply run out of everything.",
        "the city has simply run out of everything",
        "indirect",
        "put it",
        "one aid worker",
    ),
    # the writer's aside about a person closing the content is not part of it
    (
        "The envoy questioned the health of the rebel leader, who is 81.",
        "the health of the rebel leader",
        "indirect",
        "questioned",
        "The envoy",
    ),
    # a quotation set off as its own paragraph after "X said:"
    (
        'Talks broke down late on Friday.\n\nThe mediator said:\n\n"Neither side is ready to give up any ground."',
        "Neither side is ready to give up any ground.",
        "direct",
        "said",
        "The mediator",
    ),
]


@pytest.mark.parametrize(("text", "content", "kind", "cue", "speaker"), CASES, ids=[c[1][:40] for c in CASES])
def test_statement(text: str, content: str, kind: str, cue: str | None, speaker: str | None) -> None:
    found = _run(text)
    match = [s for s in found if text[s.start : s.end] == content]
    assert match, f"no statement {content!r}; got {[text[s.start : s.end] for s in found]!r}"
    s = match[0]
    assert (s.kind, s.cue, _speaker(text, s)) == (kind, cue, speaker)
    assert s.cue_span is not None and text[s.cue_span.start : s.cue_span.end] == cue
    assert s.sentence.start <= s.cue_span.start < s.sentence.end


def test_one_statement_per_quotation_and_sorted() -> None:
    text = (
        '"The bridge fell at dawn," the captain said. The rebels denied that they had blown it up. '
        '"We were not there," a rebel spokesman said.'
    )
    found = _run(text)
    assert [text[s.start : s.end] for s in found] == [
        "The bridge fell at dawn",
        "they had blown it up",
        "We were not there",
    ]


def test_appositive_is_exposed() -> None:
    text = '"Twelve fighters surrendered," John Okello, a spokesman for the army, said.'
    (s,) = _run(text)
    assert s.speaker_appositive is not None
    assert text[s.speaker_appositive.start : s.speaker_appositive.end] == "a spokesman for the army"
    assert s.speaker_head is not None and get_nlp()(text)[s.speaker_head].text == "Okello"


def test_continued_paragraph_takes_previous_speaker() -> None:
    text = '"We have no water and no power," the mayor said.\n\n"The children are sick and the hospital is full."'
    first, second = _run(text)
    assert text[second.start : second.end] == "The children are sick and the hospital is full."
    assert second.kind == "direct" and second.cue is None
    assert second.speaker_span == first.speaker_span and _speaker(text, second) == "the mayor"


def test_multi_paragraph_quotation_is_one_statement() -> None:
    text = 'The commander said: "We took the hill at night.\n\n"We lost four men, and the enemy lost many more."'
    (s,) = _run(text)
    assert text[s.start : s.end] == ('We took the hill at night.\n\n"We lost four men, and the enemy lost many more.')
    assert s.kind == "direct" and _speaker(text, s) == "The commander"


@pytest.mark.parametrize(
    "text",
    [
        'Troops launched Operation "Iron Fist" in the north on Monday.',
        'The so-called "security zone" was extended by ten kilometres.',
        'The film "Children of the War" was shown in the capital.',
        'Fighters loyal to the "Northern Front" held the mountain pass for a week.',
    ],
)
def test_titles_and_scare_quotes_are_not_statements(text: str) -> None:
    assert _run(text) == []


def test_scare_quote_inside_reported_speech_is_one_mixed_statement() -> None:
    text = 'The ministry said the so-called "volunteers" were regular soldiers.'
    (s,) = _run(text)
    assert s.kind == "mixed" and text[s.start : s.end] == 'the so-called "volunteers" were regular soldiers'


def test_quote_pairing_handles_paragraphs_and_stray_marks() -> None:
    text = 'He said "one.\n\n"Two." And "three" too.\nA stray " mark.'
    spans = [text[q.start : q.end] for q in find_quotes(text)]
    assert spans == ['one.\n\n"Two.', "three"]


def test_long_sentence_and_mark_runs_finish() -> None:
    sentence = " ".join(["the army said the rebels fled and"] * 3000) + " the town fell."
    assert len(_run(sentence)) >= 1
    marks = '"“”«»,.;: ' * 10_000
    assert find_quotes(marks) is not None
    assert isinstance(_run(marks[:20_000]), list)


@pytest.mark.parametrize(
    "text",
    [
        "It is feared that the death toll will rise.",
        "Update: This story has been corrected to fix the date of the attack.",
        "The new figures show a sharp rise in casualties.",
        "Nobody believed the claim that the town had fallen.",
    ],
)
def test_no_attribution_without_a_speaker(text: str) -> None:
    assert _run(text) == []
