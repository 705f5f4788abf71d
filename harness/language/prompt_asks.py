"""What a sentence asks for, held against a label: "Owner" / "The owner of the article, usually its creator",
"Preferred contact time" / "When's good to ring you?", "Hide results?" / "If enabled, results are hidden".

Why: a short label and the sentence that asks for its value share few of the words a sentence embedding weighs,
so their cosine is low whether or not the sentence is the label's own help (measured on a development draw of
fields' labels and help texts: 0.35 to 0.56 for a field's own help, 0.02 to 0.34 for a neighbour's). So the
sentence is reduced to what it asks for, by its structure: a question's wh-word and the kind of answer it
expects (who: a person, when: a time, where: a place, how many: a number, which/what X: X); a description's
opening noun phrase ("The owner of …", "Number of people …", "Delete all comments from …"); an option's help
("Check here to …", "If enabled …", "Whether …") the setting it is about. The label's head noun (English
compounds are head-final; "X of Y" is headed by X) is then matched against that. Which head nouns answer a
wh-word is data (``data/asks.yaml``): general words only.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from harness.language.prompt_heads import described_head
from harness.language.prompt_structure import LONG_TEXT_WORDS, Analysis, analyse_text, load_yaml, words

MAX_LABEL_WORDS = 5  # a label is short; the sentence is longer than it and at least SENTENCE_WORDS long
SENTENCE_WORDS = 4
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "your", "my", "our", "its", "their",
                          "each", "every", "all", "any", "some", "please", "optional", "optionally"})
# Words that end the opening noun phrase: prepositions (but "of", which keeps its complement), relative and
# wh-words, pronouns and the auxiliaries a description goes on with ("… that can approve", "… is used").
_BOUNDARY = frozenset({"for", "to", "in", "on", "at", "from", "with", "by", "as", "about", "into", "after", "before",
                       "when", "where", "which", "who", "whom", "whose", "that", "if", "whether", "than", "and", "or",
                       "is", "are", "was", "were", "be", "been", "will", "can", "may", "must", "should", "would",
                       "could", "has", "have", "do", "does", "not", "you", "we", "they", "it", "he", "she", "i"})
_FUNCTION = _DETERMINERS | _BOUNDARY | {"of"}
# How an option's help opens: a yes/no question without its mark, or the condition that switches it on.
_OPTION_OPENERS = frozenset({"whether", "if", "is", "are", "should", "does", "do", "can", "check", "tick", "mark",
                             "enable", "allow"})
_AUXILIARIES = frozenset({"is", "are", "was", "were", "do", "does", "did", "should", "would", "will", "can"})
_OTHERS = frozenset({"other", "others", "another", "else"})  # "Show other members' signatures": not the label's own
_PRONOUNS = frozenset({"i", "me", "we", "us", "you", "they", "them", "it", "he", "she", "him", "her"})
_CLAUSE_END = frozenset(".;:!?(")


@dataclass(frozen=True)
class _Asks:
    """The answer kinds each wh-word expects, as the label head nouns that name them."""

    wh: dict[str, frozenset[str]]
    types: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def _asks() -> _Asks:
    data = load_yaml((resources.files("harness.language") / "data" / "asks.yaml").read_text(encoding="utf-8"))
    return _Asks({k: frozenset(v["heads"]) for k, v in data.items()},
                 {k: frozenset(v.get("types") or ()) for k, v in data.items()})


# Endings English derives words with, longest first: "verified" / "verification" and "moderate" / "moderation" share
# the root a person reads in both. A root keeps at least ROOT_CHARS letters, so short words stay whole.
_ENDINGS = ("ication", "ation", "ition", "ment", "ing", "ied", "ies", "ion", "ate", "es", "ed", "er", "e", "s", "y")
ROOT_CHARS = 4


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= ROOT_CHARS:
            return word[:-len(ending)]
    return word


def _related(a: str, b: str) -> bool:
    """The same word, or one derived from the other ("owner" / "ownership", "verified" / "verification")."""
    a, b = _stem(a), _stem(b)
    return a == b or min(len(a), len(b)) >= ROOT_CHARS and (a.startswith(b) or b.startswith(a))


def label_head(label: str) -> str | None:
    """The head noun of a short label: the content word before its first "of", else its last content word."""
    tokens = words(label)
    if not tokens or len(tokens) > MAX_LABEL_WORDS or "." in label.rstrip(". "):
        return None
    if "of" in tokens[1:]:
        before = [w for w in tokens[:tokens.index("of", 1)] if w not in _FUNCTION]
        if before:
            return before[-1]
    content = [w for w in tokens if w not in _FUNCTION and not w.isdigit()]
    return content[-1] if content else None


def _first_clause(text: str) -> str:
    for n, char in enumerate(text):
        if char in _CLAUSE_END and n > 0 and not (char == "." and text[n - 1:n + 2].count(".") > 1):
            return text[:n]
    return text


def opening_phrase(sentence: str) -> list[str]:
    """The content words of the noun phrase a sentence opens with, up to "of" ("The owner of the article" ->
    owner); an imperative's verb and its object come with it ("Delete all comments from …" -> delete, comments).
    The label it describes names its head (noun_head) or opens with the same verb ("Purge" / "Purge the page")."""
    tokens = words(_first_clause(sentence))
    out: list[str] = []
    for token in tokens:
        if token in _BOUNDARY or token == "of":
            break
        if token not in _DETERMINERS and not token.isdigit():
            out.append(token)
    return out


def _wh_kind(tokens: list[str]) -> str | None:
    """The wh-word a question opens with ("how many" as one), or None."""
    if not tokens:
        return None
    second = "can" if tokens[0] == "who" and tokens[1:2] == ["may"] else tokens[1] if len(tokens) > 1 else ""
    if tokens[0] in ("how", "who") and f"{tokens[0]} {second}" in _asks().wh:
        return f"{tokens[0]} {second}"
    return tokens[0] if tokens[0] in _asks().wh else None


def _answers(kind: str, head: str, label: str) -> bool:
    """The label names an answer of this kind of question (`asks.yaml`): by its head noun or its info type."""
    kinds = _asks()
    return any(_related(head, h) for h in kinds.wh[kind]) or bool(analyse_text(label).types & kinds.types[kind])


def asks_for_label(label: str, sentence: str) -> str | None:
    """Why `sentence` asks for the value `label` names (a plain-English reason), or None when its structure
    does not say so."""
    head = label_head(label)
    said = words(sentence)
    # A description says more than the label it describes before its first clause ends: "Entire forum (tag
    # filtered)" is another label.
    if head is None or len(said) < SENTENCE_WORDS or len(words(_first_clause(sentence))) <= len(words(label)):
        return None
    wh = _wh_kind(said)
    if wh is not None and "else" not in said[1:3] and _answers(wh, head, label):  # "Who else …": someone besides
        return f"a question about {wh.split()[-1] if wh.startswith('how') else wh} against the {head} it asks for"
    if said[0] in ("what", "how") and {"call", "called"} & set(said[2:]) and _answers("called", head, label):
        return f"a question about what it is called against the {head} it asks for"
    rest = said[1:]
    while rest and (rest[0] in _DETERMINERS or rest[0] in _AUXILIARIES):
        rest = rest[1:]
    if said[0] in ("what", "which") and any(_related(head, w) for w in opening_phrase(" ".join(rest))):
        return f"a question about which {head}"
    if said[0] in _OPTION_OPENERS and any(_related(head, w) for w in words(_first_clause(sentence))[1:]):
        return f"the help of an option about the {head}"
    phrase = opening_phrase(sentence)
    # A first word followed by a determiner is a verb ("Purge the page"): the label that opens with it names it.
    verb = said[0] == words(label)[0] and said[1] in _DETERMINERS
    if phrase and not _OTHERS & set(phrase) and (_related(head, noun_head(phrase)) or verb):
        return f"a description that opens with the {head}"
    return None


def noun_head(phrase: list[str]) -> str:
    """The head of a noun phrase: its last word but a trailing participle ("the files associated", "the revision
    being shown"); "Email notifications" is headed by notifications, so it is no description of an email."""
    nouns = [w for w in phrase if not (len(w) > 4 and w.endswith(("ed", "ing")))]
    return nouns[-1] if nouns else phrase[-1]


def described(a: str, b: str) -> str | None:
    """Why one of two prompts asks in other words for the value the other names (an identifier described rather
    than named, or a sentence asking for a label's value), or None."""
    if noun := described_head(a, b):
        return f"the {noun} described rather than named"
    why = asks_for_label(a, b) or asks_for_label(b, a)
    return f"the label asked for in other words: {why}" if why else None


def is_sentence(x: Analysis, text: str) -> bool:
    """Longer than a label, or a question however short ("Who can post?")."""
    return x.words > LONG_TEXT_WORDS or "?" in text


def bare_label_and_sentence(a: Analysis, b: Analysis, text_a: str = "", text_b: str = "") -> bool:
    """One prompt is a short label naming no kind of value, the other a sentence."""
    return any(not x.types and x.words <= LONG_TEXT_WORDS and "?" not in tx and is_sentence(y, ty)
               for x, y, tx, ty in ((a, b, text_a, text_b), (b, a, text_b, text_a)))


def asked_for_whoever(a: Analysis, b: Analysis, text_a: str, text_b: str) -> bool:
    """A label that says whose value it is, against a sentence that asks for that value and says no one's
    ("Recipient name" / "Who is this gift for?", "Order date" / "When was it ordered?"): the sentence leaves the
    owner to its place, so the default owner (yourself) is no conflict. A sentence that names one
    ("What is your name?", "… of the person you are buying for") still conflicts."""
    for x, y, tx, ty in ((a, b, text_a, text_b), (b, a, text_b, text_a)):
        if ({"owner", "person"} & set(x.qualifiers) and not {"owner", "person"} & set(y.qualifiers)
                and is_sentence(y, ty) and asks_for_label(tx, ty)):
            return True
    return False


def label_and_description(a: Analysis, b: Analysis, text_a: str, text_b: str) -> bool:
    """One prompt a short label, the other a sentence about a value that asks for no other kind of answer.

    Why: a sentence embedding weighs every word of a help text, so a label's cosine with its own help is on another
    scale than with another label (dev split, 84 such pairs: median 0.27 against a field's own help, 0.10
    against a neighbour's; two labels are the same at 0.64). A question whose wh-word expects an answer the label
    does not name ("Episode number" / "When should it go live?") is no description of it.
    """
    for x, y, tx, ty in ((a, b, text_a, text_b), (b, a, text_b, text_a)):
        if x.words > MAX_LABEL_WORDS or "?" in tx or _PRONOUNS & set(words(tx)) or not is_sentence(y, ty):
            continue  # a label names a value; "Tell us about your hobbies" is a sentence however short
        said, head = words(ty), label_head(tx)
        if not _OTHERS & set(said) and (head is None or not _asks_other(said, head, tx)):
            return True  # "Show other members' signatures" is about someone else's, not the label's own
    return False


def _asks_other(said: list[str], head: str, label: str) -> bool:
    """The question expects an answer the label does not name: its wh-word's kind, or the X of "which/what X"
    ("Which vet registered the chip?") and of "what is the X of …" ("What's the name of your event?"; not
    "What's this episode about?", where a determiner follows and no one noun is asked for)."""
    wh = _wh_kind(said)
    if wh is not None:
        return not _answers(wh, head, label)
    if said[:1] not in (["what"], ["which"]):
        return False
    rest = said[2:] if said[1:2] and said[1] in _AUXILIARIES else said[1:]
    if rest[:1] and rest[0] in _DETERMINERS:
        return rest[2:3] == ["of"] and not _related(head, rest[1])
    phrase = opening_phrase(" ".join(said[1:]))
    return bool(phrase) and not _related(head, noun_head(phrase))
