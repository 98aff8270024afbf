"""Where the time of one ingest goes: the spaCy parse, our rules (everything ``extract`` does after
the parse) and the database (the article's rows, full-text entry and change, committed)."""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass

from corpus import WireArticle

from app.articles.schemas import ArticleCreate


@dataclass(frozen=True)
class Profile:
    articles: int
    spacy_s: float
    rules_s: float
    database_s: float

    def shares(self) -> dict[str, float]:
        total = self.spacy_s + self.rules_s + self.database_s
        return {
            "spaCy parse": self.spacy_s / total,
            "our rules": self.rules_s / total,
            "database": self.database_s / total,
        }


def run(articles: list[WireArticle]) -> Profile:
    from app.articles.service import extract_article, store_article
    from app.core.config import Settings
    from app.core.db import make_database, unit_of_work
    from app.core.migrations import upgrade
    from app.extraction.nlp import get_nlp

    nlp = get_nlp()
    bodies = [ArticleCreate.model_validate(a.as_json()) for a in articles]
    spacy = extraction = database = 0.0
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{scratch}/profile.db"
        upgrade(url)
        db = make_database(Settings(database_url=url, environment="test"))
        for body in bodies:
            started = time.perf_counter()
            doc = nlp(body.text)
            parsed = time.perf_counter()
            result = extract_article(body, doc)  # the rules on that parse
            extracted = time.perf_counter()
            with unit_of_work(db.writer) as session:
                store_article(session, body, result)
            stored = time.perf_counter()
            spacy += parsed - started
            extraction += extracted - parsed
            database += stored - extracted
        db.dispose()
    return Profile(len(bodies), spacy, extraction, database)
