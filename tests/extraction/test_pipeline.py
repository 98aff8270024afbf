"""The public surface ``extract``: exact offsets whatever precedes the spans, and results whose parts
refer to each other consistently."""

from __future__ import annotations

from datetime import date

import pytest

from app.extraction.pipeline import EXTRACTOR_VERSION, extract
from app.extraction.types import ACTOR_TYPES, FIGURE_CATEGORIES, STATEMENT_KINDS, ExtractionResult

PUBLISHED = date(2020, 10, 5)


def xfail(*values: object, reason: str) -> object:
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


BODY = (
    "The Armenian Defence Ministry said 16 soldiers were killed on Saturday. "
    '"We have pushed them back," a ministry spokesman said. '
    "Azerbaijani forces destroyed 12 Armenian tanks near the front, the ministry said.\n\n"
    "Azerbaijani President Ilham Aliyev said more than 200 Armenian soldiers were neutralized. "
    "Dozens of people fled the town of Martuni, according to the ICRC."
)
# what the body yields, as text: every one of these must come out at the right place whatever precedes it
STATEMENTS = [
    "16 soldiers were killed on Saturday",
    "We have pushed them back",
    "Azerbaijani forces destroyed 12 Armenian tanks near the front",
    "more than 200 Armenian soldiers were neutralized",
    "Dozens of people fled the town of Martuni",
]
FIGURES = ["16 soldiers", "12 Armenian tanks", "more than 200 Armenian soldiers", "Dozens of people"]

PREFIXES = [
    "",
    "🇦🇲🔥 Live updates 👀👨‍👩‍👧",
    "Jose\u0301 Marti\u0301 and Zo\u0308e reported from the front (decomposed accents).",
    "قال مسؤولون إن القتال استمر طوال الليل.",
    "הדיווח נמסר מירושלים בשעות הבוקר.",
    "Ｆｕｌｌｗｉｄｔｈ ｈｅａｄｌｉｎｅ\u200b\u200d\ufeff",
    "𝐁𝐨𝐥𝐝 𝐦𝐚𝐭𝐡 𝐭𝐞𝐱𝐭 and 漢字 and emoji 🧨",
]


def _run(text: str) -> ExtractionResult:
    return extract(text, published=PUBLISHED)


def _check_offsets(text: str, result: ExtractionResult) -> None:
    for m in result.mentions:
        assert text[m.start : m.end] == m.text, m
    for s in result.statements:
        assert s.sentence.start <= s.start <= s.end <= len(text)
        if s.speaker_span is not None:
            assert text[s.speaker_span.start : s.speaker_span.end] == s.speaker_text
    for f in result.figures:
        assert f.sentence.start <= f.start < f.end <= f.sentence.end <= len(text), f


@pytest.mark.parametrize("prefix", PREFIXES, ids=[f"prefix{i}" for i in range(len(PREFIXES))])
def test_offsets_are_exact_after_any_prefix(prefix: str) -> None:
    text = f"{prefix}\n\n{BODY}" if prefix else BODY
    result = _run(text)
    _check_offsets(text, result)
    assert [text[s.start : s.end] for s in result.statements] == STATEMENTS
    assert [text[f.start : f.end] for f in result.figures] == FIGURES


@pytest.mark.parametrize("prefix", PREFIXES[1:], ids=[f"prefix{i}" for i in range(1, len(PREFIXES))])
def test_prefix_only_shifts_the_result(prefix: str) -> None:
    plain = _run(BODY)
    text = f"{prefix}\n\n{BODY}"
    shifted = _run(text)
    shift = len(prefix) + 2

    def items(result: ExtractionResult, by: int) -> tuple[object, ...]:
        return (
            [(f.start - by, f.end - by, f.value, f.category, f.subject_key, f.claimant_key) for f in result.figures],
            [(s.start - by, s.end - by, s.speaker_key) for s in result.statements],
            sorted({m.actor_key for m in result.mentions if m.end > by}),
        )

    assert items(shifted, shift) == items(plain, 0)


def _tidy(span: str) -> bool:
    """A name's span starts and ends with the name: no space, punctuation or symbol of its neighbours."""
    return bool(span) and span == span.strip() and span[0].isalnum() and (span[-1].isalnum() or span[-1] == ".")


# (text, mention or speaker text expected exactly)
BOUNDARIES = [
    ("Azerbaijani forces shelled the town.", "Azerbaijani forces"),
    ("The town was calm. Hezbollah said it fired rockets.", "Hezbollah"),
    ("Live updates.\n\nThe army said 16 soldiers were killed.", "The army"),
    ("The town was calm. Azerbaijani forces shelled it on Monday.", "Azerbaijani forces"),
    (
        "The town was calm. Armenian Prime Minister Nikol Pashinyan said the front held.",
        "Armenian Prime Minister Nikol Pashinyan",
    ),
    ("The town was calm.\n\nThe Turkish army said 16 soldiers were killed.", "The Turkish army"),
    ("Update 🔥 The Armenian army said 16 soldiers were killed.", "The Armenian army"),
    ("Live updates 👀\n\nArmenian troops said 16 soldiers were killed.", "Armenian troops"),
    ("Live updates 👀\n\nThe army said 16 soldiers were killed.", "The army"),
]


@pytest.mark.parametrize(("text", "expected"), BOUNDARIES)
def test_names_have_tight_spans(text: str, expected: str) -> None:
    result = _run(text)
    spans = [m.text for m in result.mentions] + [s.speaker_text for s in result.statements if s.speaker_text]
    assert spans and all(_tidy(span) for span in spans), spans
    assert expected in spans, spans


def test_body_is_read_as_a_user_would() -> None:
    result = _run(BODY)
    names = {a.key: a.name for a in result.actors}
    speakers = [names.get(s.speaker_key or "") for s in result.statements]
    assert speakers[0] == speakers[2] == "Armenian Defense Ministry"
    assert speakers[3:] == ["Ilham Aliyev", "International Committee of the Red Cross"]
    by_span = {BODY[f.start : f.end]: f for f in result.figures}
    assert by_span["16 soldiers"].period_start == date(2020, 10, 3)
    assert by_span["12 Armenian tanks"].category == "destroyed"
    assert names[by_span["12 Armenian tanks"].subject_key or ""] == "Armenian armed forces"
    assert (by_span["Dozens of people"].low, by_span["Dozens of people"].high) == (24, 99)
    assert "Martuni" not in names.values()


def test_ministry_spokesman_speaks_for_the_ministry() -> None:
    result = _run(BODY)
    names = {a.key: a.name for a in result.actors}
    assert names.get(result.statements[1].speaker_key or "") == "Armenian Defense Ministry"


TEXTS = [
    BODY,
    "Armenian Prime Minister Nikol Pashinyan said the front held. Pashinyan added that 30 soldiers were wounded.",
    "Kurdish rebels said they killed 9 Turkish soldiers. The Turkish military said 12 Kurdish rebels were killed.",
    "Maoist rebels killed 26 CRPF personnel in Chhattisgarh, police said.",
    "The Israeli military said five Hamas fighters were killed. Hezbollah said its fighters attacked a post.",
    "Azerbaijan said it destroyed 130 tanks, 200 artillery systems and 55 cars.",
    "Georgian police patrolled the border. Three police officers were injured, Georgian officials said.",
    "Gunmen shot dead a village chief in the south, the UN Security Council said.",
    "Azerbaijani troops advanced overnight. Two soldiers were wounded by shrapnel, the army said.",
]


@pytest.mark.parametrize("text", TEXTS, ids=[f"text{i}" for i in range(len(TEXTS))])
def test_referenced_actors_exist_and_are_mentioned(text: str) -> None:
    result = _run(text)
    _check_offsets(text, result)
    actors = {a.key: a for a in result.actors}
    mentioned = {m.actor_key for m in result.mentions}
    referenced = (
        {s.speaker_key for s in result.statements}
        | {f.subject_key for f in result.figures}
        | {f.claimant_key for f in result.figures}
    )
    referenced.discard(None)
    assert referenced, "the text refers to no actor at all"
    for key in referenced:
        assert key in actors, key
        assert key in mentioned, key
    for m in result.mentions:
        assert m.actor_key in actors
    for a in result.actors:
        assert a.type in ACTOR_TYPES
        assert a.affiliation is None or a.affiliation in actors, (a.key, a.affiliation)
    assert len(actors) == len(result.actors)


@pytest.mark.parametrize("text", TEXTS, ids=[f"text{i}" for i in range(len(TEXTS))])
def test_statements_and_figures_agree(text: str) -> None:
    result = _run(text)
    for s in result.statements:
        assert s.kind in STATEMENT_KINDS
    for f in result.figures:
        assert f.category in FIGURE_CATEGORIES
        assert f.low is None or f.low <= f.value
        assert f.high is None or f.value <= f.high
        if f.statement_index is None:
            assert f.claimant_key is None
        else:
            s = result.statements[f.statement_index]
            assert s.start <= f.start and f.end <= s.end
            assert f.claimant_key == s.speaker_key


def test_version_and_determinism() -> None:
    first = _run(BODY)
    assert first.version == EXTRACTOR_VERSION
    assert _run(BODY) == first


@pytest.mark.parametrize("text", ["", "   \n\n  ", "🔥🔥🔥", "The weather was fine."])
def test_texts_without_evidence(text: str) -> None:
    result = _run(text)
    assert result.version == EXTRACTOR_VERSION
    assert (result.actors, result.mentions, result.statements, result.figures) == ([], [], [], [])


def test_title_is_not_part_of_the_offsets() -> None:
    text = "Twelve soldiers were killed in the attack, the Armenian army said."
    with_title = extract(text, published=PUBLISHED, title="Armenia says 12 soldiers killed")
    assert with_title == _run(text)
    (figure,) = with_title.figures
    assert text[figure.start : figure.end] == "Twelve soldiers"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Western countries criticised the offensive on Monday.", "Western countries"),
        ("Both the mayor, Omar Haddad, and Colonel Lena Petrov said the road was closed.", "Omar Haddad"),
    ],
)
def test_collective_and_coordinated_speakers(text: str, speaker: str) -> None:
    result = _run(text)
    names = {a.key: a.name for a in result.actors}
    assert [names.get(s.speaker_key or "") for s in result.statements] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Syrian and UN aid officials said 12 people were killed in the strike.",
        "Pashinyan said 40 soldiers were wounded. Nikol Pashinyan later said 3 more died.",
    ],
)
def test_every_referenced_actor_is_listed_and_mentioned(text: str) -> None:
    result = _run(text)
    listed = {a.key for a in result.actors}
    mentioned = {m.actor_key for m in result.mentions}
    referenced = {s.speaker_key for s in result.statements} | {f.claimant_key for f in result.figures}
    referenced |= {f.subject_key for f in result.figures}
    referenced.discard(None)
    assert referenced, "the sentences name speakers"
    assert referenced <= listed
    assert referenced <= mentioned


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ('"We will hold the line." \n\nAccording to the agency, 40 people fled.', 2),
        ('The ministry said 12 died. "We pushed them back," a spokesman said.', 2),
        ("Shelling continued\n\nThe army said 16 soldiers were killed.", 2),
    ],
)
def test_paragraphs_and_closing_quotes_bound_sentences(text: str, sentences: int) -> None:
    from app.extraction.nlp import get_nlp
    from app.extraction.nlp import sentences as sents

    found = sents(get_nlp()(text))
    assert len([s for s in found if s.text.strip()]) == sentences
    assert not any(s.text.lstrip().startswith('"\n') for s in found)


def test_a_batch_of_parses_extracts_as_texts_do() -> None:
    from app.extraction import extract, extract_doc
    from app.extraction.nlp import get_nlp

    texts = [BODY, "Police said 12 people were wounded in the blast."]
    from_docs = [extract_doc(doc) for doc in get_nlp().pipe(texts)]
    from_texts = [extract(text) for text in texts]
    assert [[(f.start, f.end, f.value, f.category) for f in r.figures] for r in from_docs] == [
        [(f.start, f.end, f.value, f.category) for f in r.figures] for r in from_texts
    ]
    assert [[s.speaker_key for s in r.statements] for r in from_docs] == [
        [s.speaker_key for s in r.statements] for r in from_texts
    ]
