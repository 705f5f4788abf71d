"""The prompt comparer: structure first (synonyms, qualifiers, autocomplete), embeddings for free text."""

from __future__ import annotations

import pytest

from harness.language import embeddings, prompts
from harness.language.prompts import Comparison, PromptSpec, compare, compare_many, describe, info_key
from harness.transcript import Control


@pytest.fixture(autouse=True)
def cache_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(embeddings.CACHE_ENV, str(tmp_path_factory.getbasetemp() / "embedding-cache"))


SAME = [
    ("Honorific", "Mrs / Mr / Dr / Mx"),  # two honorifics side by side are a title's choices
    ("Date of birth", "DOB"),
    ("D.O.B.", "Birth date"),
    ("Zip", "Post code"),
    ("Post code", "Postal code"),
    ("E-mail", "Your email"),
    ("Email address", "Email"),
    ("Mobile phone number", "Telephone"),
    ("Telephone", "Cell phone"),
    ("Surname", "Last name"),
    ("Family name", "Surname"),
    ("Forename", "Given name"),
    ("Membership no.", "Membership number"),
    ("Reg", "Vehicle registration"),
    ("NI number", "National Insurance number"),
    ("IBAN", "International bank account number"),
    ("Sort code", "Bank sort code"),
    ("Could you tell me your membership number?", "Membership no."),
    ("What's the best number to reach you on?", "Telephone"),
    ("When were you born?", "Date of birth"),
    ("Fecha de nacimiento", "Date of birth"),
    ("Code postal", "Postcode"),
    ("Outbound date", "Date of departure"),  # leaving, in other words
    ("Arrival date", "Check-in date"),
]

DIFFERENT = [
    ("Given name", "Family name"),
    ("Billing postcode", "Delivery postcode"),
    ("Billing address", "Delivery address"),
    ("Start date", "End date"),
    ("Outward date", "Return date"),
    ("Arrival time", "Departure time"),  # a stay's two ends
    ("Date of arrival", "Date of departure"),
    ("Date of birth", "Incident date"),
    ("New PIN", "Current PIN"),
    ("Home phone", "Work phone"),
    ("Mobile number", "Home phone"),
    ("Work email", "Personal email"),
    ("Address line 1", "Address line 2"),
    ("Partner's date of birth", "Date of birth"),
    ("Your partner's name", "Your name"),
    ("Alternative phone number", "Phone number"),
    ("Previous address", "Current address"),
    ("Sort code", "Card number"),
    ("Email", "Phone"),
    ("Security answer", "Password"),
    ("Email frequency", "Email address"),  # another attribute of the same thing
    ("Phone type", "Phone number"),
    ("Your mobile number", "Your partner's mobile number"),  # whose value
    ("Full name", "Name of the card holder, if not you"),
]

CONFIRMATION = [
    ("Password", "Confirm password"),
    ("Email", "Re-enter email"),
    ("New password", "Type your new password again"),
    ("Email", "Retype email"),
    ("Email address", "Confirm email address"),
    ("Membership number", "Re-enter your membership number"),
    ("Email", "Please type your email address in again"),
    ("Email", "Type your email again"),  # 'type' as a verb is not the email's type
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_information(a: str, b: str) -> None:
    result = compare(a, b)
    assert result.same_info is True, result.reason
    assert result.confirmation is False


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_hard_negatives_are_different(a: str, b: str) -> None:
    result = compare(a, b)
    assert result.same_info is False, result.reason
    assert result.confirmation is False


@pytest.mark.parametrize(("a", "b"), CONFIRMATION)
def test_security_reentry_is_a_confirmation(a: str, b: str) -> None:
    result = compare(a, b)
    assert (result.same_info, result.confirmation) == (True, True), result.reason
    flipped = compare(b, a)
    assert (flipped.same_info, flipped.confirmation) == (True, True)


def test_confirmation_of_different_information_is_not_excused() -> None:
    assert compare("Re-type your current password", "New password").same_info is False
    assert compare("Confirm password", "Email").same_info is False


def test_reasons_name_the_evidence() -> None:
    assert compare("Date of birth", "DOB").reason == "both ask for date of birth (dob)"
    assert compare("Billing postcode", "Delivery postcode").reason == (
        "both ask for postcode (postcode) but differ in kind: billing vs delivery")
    assert compare("Given name", "Family name").reason == (
        "different information: first name (given_name) vs last name (family_name)")
    assert compare("Password", "Confirm password").reason == (
        "both ask for password (password); b is a security re-entry (confirmation)")


@pytest.mark.model
@pytest.mark.parametrize("setting", ["Password policy", "Subscription policy", "Refund policy"])
def test_a_policy_that_is_a_rule_is_not_an_insurance_policys_number(setting: str) -> None:
    # a bare "policy" is a site's rule or setting far more often than an insurance contract's number
    assert compare(setting, "Policy number").same_info is False


def test_part_of_a_whole_is_different() -> None:
    result = compare("Full name", "Forename")
    assert result.verdict == "different"
    assert (result.info_a, result.info_b) == ("name", "given_name")
    assert result.reason.startswith("part and whole")
    assert compare("Home address", "Town").verdict == "different"


def test_a_question_naming_the_kind_among_others_asks_for_it() -> None:
    # "How much" is an amount and "salary" an income: the question asks for the income.
    assert compare("Yearly salary", "How much is your salary before tax?").verdict == "same"
    # A prompt that joins two kinds asks for either: not decided.
    assert compare("Mobile or email", "Email").verdict == "uncertain"


def test_a_channel_is_not_the_value() -> None:
    result = compare("Telephone", "Is it all right to reach you by phone?")
    assert result.verdict == "different"
    assert result.reason.endswith("aspect: value vs channel")
    assert compare("Email", "I would rather hear from you via email").verdict == "different"
    assert compare("Email", "Your email").verdict == "same"


def test_info_keys_from_every_part_of_a_control() -> None:
    assert info_key("Date of birth") == "dob"
    assert info_key(PromptSpec(label="", name="txtFirstName")) == "given_name"
    assert info_key(PromptSpec(label="", id="customer_email_address")) == "email"
    assert info_key(PromptSpec(label="", name="billing-post-code")) == "postcode"
    assert info_key(PromptSpec(label="Number", autocomplete="section-a shipping tel")) == "phone"
    assert info_key(PromptSpec(label="Your contact address", type="email")) == "email"
    assert info_key(PromptSpec(label="", type="password")) == "password"
    assert info_key("Email or phone") == "email|phone"
    assert info_key("Tell us about your day out") is None or "date" in (info_key("Tell us about your day out") or "")
    assert info_key("Favourite colour") is None


def test_autocomplete_outranks_the_label() -> None:
    billing = PromptSpec(label="Postcode", autocomplete="billing postal-code")
    shipping = PromptSpec(label="Postcode", autocomplete="shipping postal-code")
    assert compare(billing, shipping).same_info is False
    assert compare(PromptSpec(label="Phone", autocomplete="work tel"),
                   PromptSpec(label="Phone", autocomplete="home tel")).same_info is False
    assert compare(PromptSpec(label="A", autocomplete="section-sender name"),
                   PromptSpec(label="B", autocomplete="section-recipient name")).same_info is False


def test_unqualified_confirmation_field_follows_the_new_password() -> None:
    new = PromptSpec(label="Password", type="password", autocomplete="new-password")
    again = PromptSpec(label="", name="password2", type="password")
    result = compare(new, again)
    assert (result.same_info, result.confirmation) == (True, True)


def test_from_control_reads_a_transcript_control() -> None:
    control = Control(selector="#dob", label="Date of birth", name="dob", id="dob", type="date",
                      autocomplete="bday", placeholder="DD/MM/YYYY")
    spec = PromptSpec.from_control(control)
    assert spec == PromptSpec("Date of birth", name="dob", id="dob", type="date", autocomplete="bday",
                              placeholder="DD/MM/YYYY")
    assert describe(control) == spec
    assert describe("DOB") == PromptSpec("DOB")
    assert describe({"label": "DOB", "name": "dob"}) == PromptSpec("DOB", name="dob")
    assert compare(control, "DOB").same_info is True


def test_from_mapping_rejects_unknown_keys() -> None:
    with pytest.raises(ValueError, match="unknown prompt key"):
        PromptSpec.from_mapping({"label": "x", "colour": "red"})


@pytest.mark.model
def test_free_text_uses_the_model() -> None:
    result = compare("What is your favourite colour?", "Which football team do you support?")
    assert result.method == "embedding"
    assert result.same_info is False
    assert result.cosine is not None and result.cosine < prompts.DIFFERENT_THRESHOLD
    similar = compare("Tell us about the damage to your roof", "Describe the damage to the roof")
    assert similar.method == "embedding"
    assert similar.same_info is True, similar.reason


@pytest.mark.model
def test_ambiguous_band_gives_uncertain(monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = "Tell us about your hobbies", "What do you do at weekends?"
    cosine = embeddings.similarity(a, b)
    monkeypatch.setattr(prompts, "DIFFERENT_THRESHOLD", cosine - 0.05)
    monkeypatch.setattr(prompts, "SAME_THRESHOLD", cosine + 0.05)
    result = compare(a, b)
    assert result.same_info is None
    assert result.score == pytest.approx(cosine, abs=1e-3)
    assert "ambiguous" in result.reason
    monkeypatch.setattr(prompts, "SAME_THRESHOLD", cosine - 0.01)
    assert compare(a, b).same_info is True


@pytest.mark.model
def test_thresholds_can_be_passed_per_call() -> None:
    a, b = "Tell us about your hobbies", "What do you do at weekends?"
    cosine = embeddings.similarity(a, b)
    assert compare(a, b, same_threshold=cosine - 0.01).same_info is True
    assert compare(a, b, same_threshold=1.0, different_threshold=cosine + 0.01).same_info is False
    assert compare(a, b, same_threshold=1.0, different_threshold=cosine - 0.01).same_info is None


def test_a_chat_repeat_with_again_is_not_a_confirmation() -> None:
    result = compare("Sorry, what was your membership number again?", "Membership number")
    assert (result.same_info, result.confirmation) == (True, False)


@pytest.mark.model
def test_compare_many_matches_one_by_one_and_is_deterministic() -> None:
    pairs = [*SAME[:5], *DIFFERENT[:5], *CONFIRMATION[:3],
             ("Describe the damage", "What was damaged?"), ("How did you hear about us?", "Email")]
    batch = compare_many(pairs)
    assert batch == [compare(a, b) for a, b in pairs]
    assert batch == compare_many(pairs)
    assert all(isinstance(c, Comparison) for c in batch)


def test_identical_unknown_text_is_same_without_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(texts: object) -> None:
        raise AssertionError("the model should not be needed")

    monkeypatch.setattr(embeddings, "embed", refuse)
    result = compare("Favourite colour", "favourite colour")
    assert result.same_info is True and result.method == "identical"
    assert compare("Date of birth", "DOB").same_info is True  # structure needs no model either


def test_empty_prompts_are_uncertain() -> None:
    result = compare("", "Email")
    assert result.same_info is None
    assert compare("", "").same_info is None


def test_to_dict_has_the_published_keys() -> None:
    data = compare("Date of birth", "DOB").to_dict()
    assert data == {"same_info": True, "confirmation": False, "score": 1.0,
                    "reason": "both ask for date of birth (dob)", "info_a": "dob", "info_b": "dob",
                    "method": "structure", "cosine": None, "verdict": "same"}


@pytest.mark.parametrize(("a", "b"), [("Your email", "Your supervisor's email"),
                                      ("Home address", "Home address of the person you look after"),
                                      ("Mobile number", "Your tutor's mobile number")])
def test_another_persons_value_is_different_information(a: str, b: str) -> None:
    result = compare(a, b)
    assert result.same_info is False and "person" in result.reason, result.reason


def test_the_persons_own_role_is_still_them() -> None:
    assert compare("Customer's email address", "Email").same_info is True


@pytest.mark.parametrize(("a", "b", "same"), [("Email subject", "Email", False), ("Note subject", "Topic", True),
                                              ("Screen name", "Nickname", True), ("About me", "Bio", True),
                                              ("Zeitzone", "Time zone", True)])
def test_a_compound_label_asks_for_its_last_noun(a: str, b: str, same: bool) -> None:
    assert compare(a, b).same_info is same, compare(a, b).reason


@pytest.mark.parametrize(("a", "b"), [("Secret question", "Secret word"), ("Password reminder hint", "Password"),
                                      ("Email alerts", "Email address"), ("Sign up to our newsletter", "Email")])
def test_questions_hints_and_consents_are_not_the_value(a: str, b: str) -> None:
    assert compare(a, b).same_info is False, compare(a, b).reason


@pytest.mark.parametrize(("a", "b"), [("Playlist name", "Playlist description"), ("Coupon code", "Coupon expiry"),
                                      ("Locker number", "Locker size"),
                                      ("Shipment", "Shipment weight"), ("Invoice", "Invoice total")])  # the thing alone
def test_another_attribute_of_the_same_thing_has_its_own_head_noun(a: str, b: str) -> None:
    from harness.language.prompt_heads import differing_heads

    assert differing_heads(a, b) is not None
    assert differing_heads(a, "What is the playlist called?") is None  # a question has no head noun


@pytest.mark.model
@pytest.mark.parametrize(("a", "b"), [("Upload folder", "Download folder"), ("Lunch menu", "Dinner menu"),
                                      ("Header text colour", "Footer text colour"),
                                      ("Minimum stock level", "Maximum stock level")])
def test_the_same_head_after_other_words_is_another_one_of_its_kind(a: str, b: str) -> None:
    result = compare(a, b)
    assert result.same_info is False and "another one of the same kind" in result.reason, result.reason


@pytest.mark.model
@pytest.mark.parametrize(("a", "b"), [("Primary colour", "Main colour"), ("Colour", "Link colour"),
                                      ("Start page", "Beginning page")])
def test_words_that_may_be_synonyms_or_only_add_are_left_to_the_model(a: str, b: str) -> None:
    assert "another one of the same kind" not in compare(a, b).reason


@pytest.mark.model
def test_another_attribute_of_the_same_thing_is_different() -> None:
    result = compare("Playlist name", "Playlist description")
    assert result.same_info is False, result.reason
    assert "another attribute" in result.reason or "the playlist's" in result.reason  # the playlist's name


@pytest.mark.parametrize(("label", "description"), [
    ("Membership number", "The 8-digit number on the back of your gym card"),
    ("Locker code", "The code you set when you first used the locker"),
    ("Boiler serial number", "The number on the sticker inside the boiler door"),
])
def test_an_identifier_described_rather_than_named_is_the_same(label: str, description: str) -> None:
    result = compare(label, description)
    assert result.same_info is True, result
    assert compare(description, label).same_info is True


@pytest.mark.parametrize(("label", "description"), [
    ("Membership number", "The number of members in your household"),  # a count, not the identifier
    ("Membership number", "The 4-digit code for the front door"),  # another identifier
    ("Team name", "The name of the coach"),  # whose: another thing's name
    ("Team name", "The sponsor name printed on the shirts"),  # a qualifier the label does not have
])
def test_a_description_of_another_thing_is_not_read_as_the_label(label: str, description: str) -> None:
    from harness.language.prompt_heads import described_head

    assert described_head(label, description) is None
