"""party: which commitments are considered, and not_applicable."""

from ceasewatch.adjudicate import judge

from .conftest import agreement, perform, refrain, strike, test_of, verdict_of


def test_actor_named_in_a_tuple_of_parties_is_bound():
    ag = agreement([refrain(party=("RU", "BY"), targets={"energy"})])
    assert verdict_of(ag, strike(actor="BY")).verdict == "violation"


def test_unknown_actor_considers_every_refrain_commitment_with_party_unknown():
    ag = agreement([refrain("ru-halt", "RU", targets={"energy"}), refrain("ua-halt", "UA", targets={"health"})])
    v = verdict_of(ag, strike(actor=None))
    assert (v.verdict, v.unknown, v.commitment) == ("undetermined", ("party",), "ru-halt")
    t = test_of(ag, strike(actor=None), "party", commitment=1)
    assert (t.answer, t.note) == ("unknown", "actor unknown: every refrain commitment considered")


def test_actor_bound_by_no_commitment_is_not_applicable():
    ag = agreement([refrain(party="RU", targets={"energy"})])
    v = verdict_of(ag, strike(actor="UA"))
    assert (v.verdict, v.reason, v.commitment, v.unknown) == ("not_applicable", None, None, ())


def test_actor_outside_the_agreement_is_not_applicable():
    ag = agreement([refrain(party="RU", targets={"energy"})])
    assert verdict_of(ag, strike(actor="BY")).verdict == "not_applicable"


def test_version_without_refrain_commitments_is_not_applicable_even_for_unknown_actor():
    ag = agreement({"v": [perform()]})
    assert verdict_of(ag, strike(actor=None)).verdict == "not_applicable"
    assert verdict_of(ag, strike(actor="RU")).verdict == "not_applicable"


def test_only_strikes_are_judged():
    ag = agreement([refrain(targets={"energy"})])
    other = strike("x", kind="prisoner-exchange")
    assert [v.incident_id for v in judge(ag, [strike("a"), other, strike("b")])] == ["a", "b"]


def test_party_figures_name_actor_and_parties():
    ag = agreement([refrain(party=("RU", "BY"), targets={"energy"})])
    assert test_of(ag, strike(), "party").figures == {"actor": "RU", "parties": ["RU", "BY"]}
