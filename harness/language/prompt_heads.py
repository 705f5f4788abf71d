"""Another attribute of the same thing: "Card number" / "Card expiry date", "Webhook URL" / "Webhook secret".

Why: two short labels that name one thing and end in different nouns ask for different attributes of it,
yet share most of their words, so their sentence embeddings are close (measured: "Repository name" /
"Repository description" 0.77, above the same-information threshold); so do a thing alone and a compound naming
one of its attributes ("Sale" / "Sale date"). A label's last word is its head
noun (English compounds are head-final), so when both labels share a word and their heads differ, the
heads decide: synonyms ("Project key" / "Project code") stay for the model, other nouns are different
information. Questions and sentences are left alone: their last word is not a head.

The same head with other words before it is another one of that kind ("Link hover colour" / "Link active colour",
"Pick-up branch" / "Home branch", "Minimum price" / "Maximum price"): the model reads them as the same, as they share
all but a word; the words that differ decide as the heads do, on a higher bar (opposites are close: short / long),
and synonyms stay for the model ("Primary colour" / "Main colour", one qualifier of the vocabulary). A label that
only adds words ("Colour" / "Link colour") is left to the model: an added word may only describe ("Email" / "Your
email address").

The other way round: an identifier described rather than named ("Account number" / "The 12-digit number at
the top of your bill") shares no words the model weighs with its label, so the description's own head
decides: a sentence that opens with the label's identifier noun, qualified only by the label's words or a
length ("14-digit"), describes that identifier.
"""

from __future__ import annotations

from harness.language.prompt_structure import analyse_text, words

MAX_LABEL_WORDS = 4  # longer texts are phrases or sentences, not compound labels
HEAD_SYNONYM = 0.6  # heads whose cosine reaches this may be synonyms; the whole labels are compared then
# Words before a head: opposites score as high as synonyms do on their own (measured: short / long 0.66, minimum /
# maximum 0.62, start / beginning 0.79, primary / main 0.58), so only a higher cosine, or one qualifier of the
# vocabulary (primary / main), says they may be synonyms.
MODIFIER_SYNONYM = 0.7
_FUNCTION_WORDS = frozenset({"the", "a", "an", "of", "for", "your", "my", "our", "to", "in", "on", "and", "or",
                             "if", "any", "this", "that", "new", "please"})


def differing_heads(a: str, b: str) -> tuple[str, str] | None:
    """The two head nouns when `a` and `b` are short labels sharing a word but ending in different ones."""
    if "?" in a or "?" in b:
        return None
    ta = [w for w in words(a) if w not in _FUNCTION_WORDS and not w.isdigit()]
    tb = [w for w in words(b) if w not in _FUNCTION_WORDS and not w.isdigit()]
    for one, other, whole in ((ta, tb, words(b)), (tb, ta, words(a))):
        # The thing alone against a compound naming one of its attributes ("Sale" / "Sale date"): the thing
        # itself is its own head. Only a bare compound: "Notes to the seller" is headed before its "to".
        if len(one) == 1 and other == whole and 2 <= len(other) <= MAX_LABEL_WORDS and other[0] == one[0] \
                and one[0] not in other[1:]:
            return (one[0], other[-1]) if one is ta else (other[-1], one[0])
    if not (2 <= len(ta) <= MAX_LABEL_WORDS and 2 <= len(tb) <= MAX_LABEL_WORDS):
        return None
    if ta[-1] == tb[-1] or ta[-1] in tb or tb[-1] in ta or not set(ta[:-1]) & set(tb[:-1]):
        return None
    return ta[-1], tb[-1]


def differing_modifiers(a: str, b: str) -> tuple[str, str] | None:
    """The words before a shared head noun that only one of two short labels has, when each has some
    ("Link hover colour" / "Link active colour" -> hover, active)."""
    if "?" in a or "?" in b:
        return None
    ta = [w for w in words(a) if w not in _FUNCTION_WORDS and not w.isdigit()]
    tb = [w for w in words(b) if w not in _FUNCTION_WORDS and not w.isdigit()]
    if not (2 <= len(ta) <= MAX_LABEL_WORDS and 2 <= len(tb) <= MAX_LABEL_WORDS) or ta[-1] != tb[-1]:
        return None
    only_a, only_b = " ".join(w for w in ta[:-1] if w not in tb), " ".join(w for w in tb[:-1] if w not in ta)
    if not only_a or not only_b:
        return None
    same_qualifier = analyse_text(only_a).qualifiers == analyse_text(only_b).qualifiers != {}
    return None if same_qualifier else (only_a, only_b)


IDENTIFIER_HEADS = frozenset({"number", "code", "name", "id", "key", "handle"})
_OPENERS = frozenset({"the", "your", "a", "an"})


def described_head(a: str, b: str) -> str | None:
    """The identifier noun when one prompt is a short label ending in it and the other describes it."""
    for label, text in ((a, b), (b, a)):
        named = [w for w in words(label) if w not in _FUNCTION_WORDS]
        said = words(text)
        if ("?" in label or not 1 <= len(named) <= MAX_LABEL_WORDS or named[-1] not in IDENTIFIER_HEADS
                or len(said) < 4 or said[0] not in _OPENERS or named[-1] not in said[1:6]):
            continue
        at = said.index(named[-1], 1)
        # Before the noun only the label's words or a length ("14-digit"); after it, "of" names only the label's thing.
        qualifiers = {w for n, w in enumerate(said[1:at], 1)
                      if w not in _FUNCTION_WORDS and not w.isdigit() and not said[n - 1].isdigit()}
        of = said[at + 1:at + 2] == ["of"]
        owner = [w for w in said[at + 2:at + 4] if w not in _FUNCTION_WORDS][:1] if of else []
        counted = of and named[-1] == "number"  # "The number of accounts": a count, not an identifier
        if qualifiers <= set(named) and set(owner) <= set(named) and not counted:
            return named[-1]
    return None
