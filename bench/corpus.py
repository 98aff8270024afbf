"""Deterministic wire-style conflict reports for the ingest benchmark: invented events, written in
the register of agency copy (attributed figures, direct and reported speech, background
paragraphs), 300-900 words each. Seeded, so every run parses the same texts."""

from __future__ import annotations

import random
from dataclasses import dataclass

SIDES = [
    ("Ethiopia", "Ethiopian", "Eritrea", "Eritrean", "Addis Ababa", "Tigray"),
    ("Azerbaijan", "Azerbaijani", "Armenia", "Armenian", "Baku", "Lachin"),
    ("Sudan", "Sudanese", "South Sudan", "South Sudanese", "Khartoum", "Abyei"),
    ("Mali", "Malian", "Burkina Faso", "Burkinabe", "Bamako", "Menaka"),
    ("Colombia", "Colombian", "Venezuela", "Venezuelan", "Bogota", "Arauca"),
    ("Myanmar", "Myanmar", "Thailand", "Thai", "Naypyidaw", "Karen State"),
]
GROUPS = ["the Rapid Support Forces", "the Arakan Army", "al-Shabaab", "the National Liberation Army", "M23"]
PEOPLE = [
    "Samuel Tekle",
    "Amina Yusuf",
    "Col. David Mensah",
    "Lt. Gen. Omar Haddad",
    "Maria Okonkwo",
    "Brig. Gen. Peter Lindqvist",
    "Fatima Diallo",
    "Hassan Rahimi",
    "Elena Petrova",
    "John Karanja",
]
BODIES = [
    "the United Nations",
    "the UN refugee agency UNHCR",
    "the International Committee of the Red Cross",
    "the African Union",
    "Human Rights Watch",
    "Amnesty International",
    "the World Food Programme",
]
PLACES = ["the border town of {town}", "villages near {town}", "the outskirts of {town}", "the {town} district"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
LOSS_OBJECTS = [
    ("soldiers", "killed"),
    ("troops", "wounded"),
    ("fighters", "captured"),
    ("civilians", "killed"),
    ("tanks", "destroyed"),
    ("armoured vehicles", "destroyed"),
    ("people", "displaced"),
    ("militants", "neutralized"),
    ("police officers", "injured"),
    ("aid workers", "missing"),
]
QUALIFIERS = ["", "at least ", "more than ", "about ", "nearly ", "up to "]
CUES = ["said", "told reporters", "said in a statement", "told Reuters", "wrote on social media", "added"]
FILLER = [
    "The fighting is the heaviest since a ceasefire brokered last year collapsed in the spring.",
    "Independent verification of the figures was not possible because journalists are barred from the area.",
    "Both governments have traded accusations over the disputed frontier for decades.",
    "Aid convoys have been unable to reach the region for three weeks, according to relief officials.",
    "Diplomats in the capital said talks on a new truce were expected to resume later this month.",
    "Satellite images reviewed by analysts showed burned buildings along the main road.",
    "The region has been under a communications blackout since the start of the offensive.",
    "Residents who fled described hearing artillery through the night and seeing drones overhead.",
    "Prices of fuel and bread have tripled in the provincial capital since the roads were closed.",
    "Earlier this year, a parliamentary committee called for an inquiry into the conduct of the campaign.",
]


@dataclass(frozen=True)
class WireArticle:
    external_id: str
    title: str
    source: str
    published_at: str
    text: str

    def as_json(self) -> dict[str, str]:
        return {
            "external_id": self.external_id,
            "title": self.title,
            "source": self.source,
            "published_at": self.published_at,
            "text": self.text,
        }


def _figure(rng: random.Random, demonym: str) -> str:
    obj, verb = rng.choice(LOSS_OBJECTS)
    value = rng.choice([rng.randint(2, 99), rng.randint(100, 2500), rng.choice(["dozens", "hundreds", "scores"])])
    qualifier = rng.choice(QUALIFIERS) if isinstance(value, int) else ""
    number = f"{value:,}" if isinstance(value, int) else f"{value} of"
    who = f"{demonym} " if demonym and obj not in ("people", "civilians", "aid workers") else ""
    return f"{qualifier}{number} {who}{obj} were {verb}"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _paragraph(rng: random.Random, side: tuple[str, ...], n: int) -> str:
    _state, dem, other, other_dem, capital, region = side
    town = rng.choice(["Humera", "Shusha", "Kadugli", "Gao", "Cucuta", "Myawaddy", "Zalambessa", "Goris"])
    place = rng.choice(PLACES).format(town=town)
    day = rng.choice(DAYS)
    person = rng.choice(PEOPLE)
    body = rng.choice(BODIES)
    kind = n % 6
    if kind == 0:
        return (
            f"The {dem} Defense Ministry said on {day} that {_figure(rng, other_dem)} in {place}. "
            f"The ministry said its forces had repelled an attack by {other_dem} units in {region}."
        )
    if kind == 1:
        return (
            f'"{_upper_first(_figure(rng, dem))} in the shelling of {place}," {person}, a spokesman for the '
            f'{other_dem} government, {rng.choice(CUES)}. "We will defend every metre of our land."'
        )
    if kind == 2:
        return (
            f"{_upper_first(body)} said {_figure(rng, '')} by the fighting around {place} this week, "
            f"and warned that {rng.randint(2, 40)} shelters in {region} were already full."
        )
    if kind == 3:
        return (
            f"According to local officials, {_figure(rng, dem)} when {rng.choice(GROUPS)} attacked a convoy "
            f"on the road to {capital} on {day}. Officials in {capital} blamed {other}."
        )
    if kind == 4:
        return (
            f'{person} told reporters in {capital} that the claims were "pure propaganda" and that '
            f"{_figure(rng, other_dem)}, far more than {other} had admitted."
        )
    return " ".join(rng.sample(FILLER, 2))


def generate(count: int, seed: int = 20261125, min_words: int = 300, max_words: int = 900) -> list[WireArticle]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        side = rng.choice(SIDES)
        target = rng.randint(min_words, max_words)
        paragraphs: list[str] = []
        words = 0
        n = rng.randint(0, 5)
        while words < target:
            paragraph = _paragraph(rng, side, n)
            paragraphs.append(paragraph)
            words += len(paragraph.split())
            n += 1
        day = 1 + i % 28
        out.append(
            WireArticle(
                external_id=f"bench-{seed}-{i}",
                title=f"Fighting flares between {side[0]} and {side[2]}",
                source=rng.choice(["Bench Wire", "Example Press", "Invented News Agency"]),
                published_at=f"2024-{1 + i % 12:02d}-{day:02d}",
                text="\n\n".join(paragraphs),
            )
        )
    return out
