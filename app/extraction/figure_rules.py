"""Tables that say what a reported number counts, by the word that governs it.

The verbs and nouns are the ones casualty and damage reporting uses (the event classes of the
ACLED and UCDP codebooks: fatalities, injuries, abductions and arrests, displacement, destruction
of property and materiel, deployments), with their inflections left to spaCy's lemmatizer.
"""

from __future__ import annotations

from app.extraction.types import FigureCategory

# Lemmas of verbs (and verb-like adjectives) whose object or passive subject is the counted thing.
VERB_CATEGORY: dict[str, FigureCategory] = {
    **dict.fromkeys(
        [
            "kill",
            "die",
            "slay",
            "massacre",
            "behead",
            "execute",
            "murder",
            "assassinate",
            "perish",
            "slaughter",
            "lynch",
            "eliminate",
            "drown",
            "lose",  # "the army lost 30 soldiers"; lost materiel becomes "destroyed" (figures.py)
            "suffocate",
            "asphyxiate",
            "behead",
        ],
        "killed",
    ),
    **dict.fromkeys(["wound", "injure", "hurt", "maim", "hospitalize", "hospitalise"], "injured"),
    **dict.fromkeys(["neutralize", "neutralise"], "casualties"),
    **dict.fromkeys(["capture", "abduct", "kidnap", "seize", "surrender"], "captured"),
    **dict.fromkeys(["arrest", "detain", "apprehend", "jail", "imprison", "intern"], "arrested"),
    **dict.fromkeys(["disappear", "miss"], "missing"),
    **dict.fromkeys(["displace", "flee", "evacuate", "uproot", "expel", "deport", "relocate"], "displaced"),
    **dict.fromkeys(
        [
            "destroy",
            "down",
            "sink",
            "raze",
            "demolish",
            "obliterate",
            "burn",
            "torch",
            "flatten",
            "wreck",
            "annihilate",
        ],
        "destroyed",
    ),
    **dict.fromkeys(["damage"], "damaged"),
    **dict.fromkeys(["deploy", "dispatch", "station", "mobilize", "mobilise", "send"], "deployed"),
}

# Verbs that count only with a particle or a complement: "shot dead", "shot down", "taken prisoner".
PARTICLE_CATEGORY: dict[tuple[str, str], FigureCategory] = {
    ("shoot", "dead"): "killed",
    ("gun", "down"): "killed",
    ("cut", "down"): "killed",
    ("shoot", "down"): "destroyed",
    ("blow", "up"): "destroyed",
    ("take", "prisoner"): "captured",
    ("take", "hostage"): "captured",
    ("take", "captive"): "captured",
    ("lose", "life"): "killed",
    ("round", "up"): "arrested",
    ("go", "missing"): "missing",
    ("flee", "home"): "displaced",
}

# Lemmas of nouns that carry their own category: "53 dead", "30,000 refugees", "the death toll".
NOUN_CATEGORY: dict[str, FigureCategory] = {
    **dict.fromkeys(
        ["death", "dead", "fatality", "body", "corpse", "victim", "toll", "killing", "martyr", "life"], "killed"
    ),
    **dict.fromkeys(["wounded", "injured", "injury"], "injured"),
    **dict.fromkeys(["casualty"], "casualties"),
    **dict.fromkeys(["prisoner", "captive", "hostage", "pow", "abductee"], "captured"),
    **dict.fromkeys(["detainee", "arrest"], "arrested"),
    **dict.fromkeys(["refugee", "evacuee", "idp", "displaced", "homeless"], "displaced"),
    **dict.fromkeys(["missing"], "missing"),
}

# Event nouns whose "of" phrase is the counted thing: "the capture of two soldiers", "the bodies of
# five children", "the evacuation of 3,000 residents".
NOMINAL_CATEGORY: dict[str, FigureCategory] = {
    **dict.fromkeys(
        [
            "death",
            "killing",
            "murder",
            "massacre",
            "execution",
            "body",
            "corpse",
            "funeral",
            "slaughter",
            "assassination",
            "remains",
            "life",
            "killer",
            "murderer",
        ],
        "killed",
    ),
    **dict.fromkeys(["wounding", "injury"], "injured"),
    **dict.fromkeys(["capture", "abduction", "kidnapping", "seizure"], "captured"),
    **dict.fromkeys(["arrest", "detention", "roundup"], "arrested"),
    **dict.fromkeys(["disappearance"], "missing"),
    **dict.fromkeys(["evacuation", "displacement", "exodus", "flight", "expulsion", "deportation"], "displaced"),
    **dict.fromkeys(["destruction", "downing", "loss"], "destroyed"),
    **dict.fromkeys(["deployment", "dispatch"], "deployed"),
}

# Counted things that are materiel or buildings: they can be destroyed, damaged, captured or
# deployed, never killed or wounded, whatever the sentence says of the people in it.
MATERIEL_NOUNS = frozenset(
    {
        "tank",
        "vehicle",
        "car",
        "truck",
        "gun",
        "system",
        "depot",
        "aircraft",
        "plane",
        "jet",
        "helicopter",
        "drone",
        "missile",
        "rocket",
        "launcher",
        "artillery",
        "howitzer",
        "ship",
        "boat",
        "vessel",
        "warship",
        "building",
        "house",
        "home",
        "shelter",
        "school",
        "bridge",
        "post",
        "position",
        "bunker",
        "base",
        "weapon",
        "mortar",
        "piece",
        "station",
        "installation",
        "warehouse",
        "carrier",
        "apc",
        "bmp",
        "radar",
        "battery",
        "facility",
        "structure",
        "shop",
        "mosque",
        "church",
        "hospital",
        "clinic",
    }
)
MATERIEL_CATEGORIES = frozenset({"destroyed", "damaged", "captured", "deployed", "other"})

# Counted places are no conflict figure: "captured four towns" counts territory, not losses.
PLACE_COUNT_NOUNS = frozenset(
    {
        "town",
        "village",
        "city",
        "district",
        "province",
        "region",
        "area",
        "country",
        "nation",
        "state",
        "hill",
        "kilometre",
        "kilometer",
        "mile",
        "front",
        "street",
    }
)

# Adjectives that give the category as a predicate or modifier: "were dead", "wounded soldiers".
ADJ_CATEGORY: dict[str, FigureCategory] = {
    "dead": "killed",
    "killed": "killed",
    "wounded": "injured",
    "injured": "injured",
    "hurt": "injured",
    "missing": "missing",
    "homeless": "displaced",
    "displaced": "displaced",
    "captured": "captured",
    "detained": "arrested",
    "destroyed": "destroyed",
    "damaged": "damaged",
}

# Nouns that name people: an unnumbered singular one killed or hurt is a count of one ("a village
# chief was shot dead").
PERSON_NOUNS = frozenset(
    {
        "man",
        "woman",
        "child",
        "boy",
        "girl",
        "soldier",
        "policeman",
        "policewoman",
        "officer",
        "civilian",
        "journalist",
        "reporter",
        "leader",
        "chief",
        "elder",
        "teacher",
        "student",
        "worker",
        "farmer",
        "villager",
        "resident",
        "official",
        "commander",
        "fighter",
        "militant",
        "rebel",
        "guard",
        "member",
        "priest",
        "imam",
        "monk",
        "doctor",
        "nurse",
        "driver",
        "trader",
        "shopkeeper",
        "activist",
        "politician",
        "councillor",
        "councilor",
        "mayor",
        "governor",
        "judge",
        "lawyer",
        "businessman",
        "cleric",
        "teenager",
        "youth",
        "baby",
        "infant",
        "pilgrim",
        "tourist",
        "passenger",
        "employee",
        "headman",
        "sergeant",
        "constable",
        "jawan",
        "trooper",
        "serviceman",
        "militiaman",
        "insurgent",
        "gunman",
        "bomber",
        "protester",
        "demonstrator",
        "person",
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
        "peacekeeper",
        "head",
        "ruler",
        "deputy",
        "secretary",
        "chairman",
        "chairwoman",
        "delegate",
        "candidate",
        "scholar",
        "convert",
        "professor",
        "principal",
        "pastor",
        "bishop",
        "sheikh",
        "chieftain",
        "king",
        "prince",
        "monarch",
        "aide",
        "bodyguard",
        "guardsman",
        "cadet",
        "recruit",
        "pilot",
        "sailor",
        "medic",
        "paramedic",
        "physician",
        "surgeon",
        "engineer",
        "contractor",
        "vendor",
        "herder",
        "herdsman",
        "fisherman",
        "hunter",
        "miner",
        "informant",
        "suspect",
        "detainee",
        "prisoner",
        "inmate",
        "hostage",
        "victim",
        "survivor",
        "witness",
    }
)

# Nouns of two people: "a Chinese couple was killed" is two.
PAIR_NOUNS = frozenset({"couple", "pair", "twins"})

# Categories whose counted things belong to an owner that a list shares: in "destroyed 130 tanks,
# 200 artillery systems and 55 cars" of the enemy, every item is the enemy's.
OWNED_CATEGORIES = frozenset({"destroyed", "damaged", "captured", "casualties", "killed", "injured"})

# Reporting verbs stop the search for a governing verb: in "officials said 20 were killed", the
# count belongs to "killed", never to "said".
REPORTING_LEMMAS = frozenset(
    {
        "say",
        "tell",
        "announce",
        "report",
        "state",
        "claim",
        "add",
        "confirm",
        "estimate",
        "according",
        "put",
        "quote",
        "cite",
    }
)
