"""Fill a database with N articles through the service's own write path (``store_articles``: the
same rows, full-text entries and change-feed entries as an ingest) with synthetic extraction
results instead of NLP, so that a 100,000-article database takes minutes, not hours of parsing.

Each article holds 4 mentions, 2 statements and 5 figures (11 rows; 100k articles make 1.1M),
over a few hundred actors, twelve months and eleven categories, so that filters select realistic
fractions."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta

from app.articles.schemas import ArticleCreate
from app.articles.service import store_articles
from app.core.config import Settings
from app.core.db import make_database, unit_of_work
from app.extraction.types import FIGURE_CATEGORIES, Actor, ExtractionResult, Figure, Mention, Span, Statement

CLAIMANTS = [f"{c} Defense Ministry" for c in ("Azerbaijani", "Armenian", "Ethiopian", "Eritrean", "Sudanese")]
SUBJECTS = [f"{c} armed forces" for c in ("Azerbaijani", "Armenian", "Ethiopian", "Eritrean", "Sudanese", "Malian")]
WORDS = [
    "ceasefire",
    "violated",
    "shelling",
    "border",
    "offensive",
    "withdrawal",
    "talks",
    "convoy",
    "drone",
    "artillery",
    "positions",
    "village",
    "retaliation",
    "truce",
    "negotiations",
    "humanitarian",
]
START = date(2023, 1, 1)


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def synthetic(i: int, rng: random.Random) -> tuple[ArticleCreate, ExtractionResult]:
    claimant, subject = rng.choice(CLAIMANTS), rng.choice(SUBJECTS)
    person = f"Spokesperson {rng.randint(1, 300)}"
    day = START + timedelta(days=rng.randint(0, 364))
    parts: list[str] = []
    figures: list[Figure] = []
    statements: list[Statement] = []

    def add(sentence: str) -> Span:
        start = sum(len(p) + 1 for p in parts)
        parts.append(sentence)
        return Span(start, start + len(sentence))

    for s in range(2):
        words = " ".join(rng.sample(WORDS, 6))
        sentence = add(f'"The enemy {words} again," {person} said.')
        statements.append(
            Statement(
                speaker_key=_key(person),
                speaker_text=person,
                speaker_span=None,
                cue="said",
                kind="direct",
                start=sentence.start + 1,
                end=sentence.start + 12 + len(words),
                sentence=sentence,
            )
        )
        del s
    for f in range(5):
        value = rng.choice([rng.randint(1, 50), rng.randint(50, 3000)])
        category = rng.choice(FIGURE_CATEGORIES)
        sentence = add(f"The {claimant} said {value} soldiers were {category} near the border.")
        at = sentence.start + len(f"The {claimant} said ")
        figures.append(
            Figure(
                value=float(value),
                low=None,
                high=None,
                qualifier=None,
                category=category,
                object="soldiers",
                subject_key=_key(subject),
                claimant_key=_key(claimant),
                statement_index=0 if f == 0 else None,
                start=at,
                end=at + len(f"{value} soldiers"),
                sentence=sentence,
                period_start=day,
                period_end=day,
            )
        )
    text = " ".join(parts)
    actors = [
        Actor(_key(claimant), claimant, "organization"),
        Actor(_key(subject), subject, "armed_group"),
        Actor(_key(person), person, "person"),
    ]
    mentions = [
        Mention(_key(person), statements[0].sentence.start, statements[0].sentence.start + 5, person),
        Mention(_key(person), statements[1].sentence.start, statements[1].sentence.start + 5, person),
    ]
    for fig in figures[:2]:
        mentions.append(
            Mention(_key(claimant), fig.sentence.start + 4, fig.sentence.start + 4 + len(claimant), claimant)
        )
    body = ArticleCreate(
        text=text,
        title=f"Synthetic report {i}",
        source=rng.choice(["Wire A", "Wire B", "Wire C"]),
        published_at=day,
        external_id=f"synthetic-{i}",
    )
    return body, ExtractionResult(
        version="synthetic", actors=actors, mentions=mentions, statements=statements, figures=figures
    )


def load(
    database_url: str, start: int, stop: int, batch: int = 500, on_progress: Callable[[int], None] | None = None
) -> float:
    """Store articles ``start`` .. ``stop``-1 (resumable by range); answers articles/s."""
    db = make_database(Settings(database_url=database_url, environment="test"))
    rng = random.Random(start)
    started = time.perf_counter()
    try:
        for first in range(start, stop, batch):
            with unit_of_work(db.writer) as session:
                store_articles(session, [synthetic(i, rng) for i in range(first, min(first + batch, stop))])
            if on_progress:
                on_progress(min(first + batch, stop))
    finally:
        db.dispose()
    return (stop - start) / max(time.perf_counter() - started, 1e-9)
