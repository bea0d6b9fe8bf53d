"""The credibility grade: the first rule that applies, at each rule's boundary."""

import itertools

import pytest

from ceasewatch.sources import GRADES, AccountAttestation, AnalystGrade, Attester, Source, grade_incident

WIRE_ONE = Source("Coastal Wire", kind="media", affiliation="independent", reliability="B")
WIRE_TWO = Source("Inland Courier", kind="media", affiliation="independent", reliability="C")
OBSERVERS = Source("Ceasefire Observers", kind="monitor", affiliation="independent", reliability="A")
PARTISAN_OBSERVERS = Source("Patriotic Observers", kind="monitor", affiliation="UA")
NORTH_ARMY = Source("North Army Command", kind="military", affiliation="RU")
SOUTH_STAFF = Source("South General Staff", kind="military", affiliation="UA")


def from_source(source: Source) -> Attester:
    return Attester(source.name, source, source.kind, source.affiliation, source.reliability, "test")


def from_words(label: str, affiliation: str | None, kind: str | None = None) -> Attester:
    return Attester(label, None, kind, affiliation, None, "test")


def account(n: int, *attesters: Attester, deniers=(), actor=None) -> AccountAttestation:
    return AccountAttestation(f"acc-{n}", tuple(attesters), tuple(deniers), actor)


def test_grades_are_the_six_names():
    assert set(GRADES) == {"discounted", "contested", "confirmed", "corroborated", "reported", "alleged"}


def test_one_independent_source_is_reported():
    grade = grade_incident("RU", [account(1, from_source(WIRE_ONE))])
    assert grade.grade == "reported"
    assert grade.rule == "reported: by one independent source, Coastal Wire (independent)"
    assert grade.independent == ("Coastal Wire",)


def test_two_different_independent_sources_are_corroborated():
    grade = grade_incident("RU", [account(1, from_source(WIRE_ONE)), account(2, from_source(WIRE_TWO))])
    assert grade.grade == "corroborated"
    assert "Coastal Wire (independent) and Inland Courier (independent)" in grade.rule


def test_the_same_outlet_twice_is_still_reported():
    grade = grade_incident("RU", [account(1, from_source(WIRE_ONE)), account(2, from_source(WIRE_ONE))])
    assert grade.grade == "reported"


def test_the_same_unregistered_words_twice_count_once():
    twice = [account(1, from_words("a  Local Blogger", "independent")),
             account(2, from_words("a local blogger", "independent"))]
    assert grade_incident("RU", twice).grade == "reported"
    different = [account(1, from_words("a local blogger", "independent")),
                 account(2, from_words("a visiting reporter", "independent"))]
    assert grade_incident("RU", different).grade == "corroborated"


def test_independent_and_other_side_are_corroborated():
    grade = grade_incident("RU", [account(1, from_source(WIRE_ONE)), account(2, from_source(SOUTH_STAFF))])
    assert grade.grade == "corroborated"
    assert grade.rule == ("corroborated: reported by Coastal Wire (independent) "
                          "and by South General Staff (UA)")


def test_only_the_other_side_is_alleged():
    grade = grade_incident("RU", [account(1, from_source(SOUTH_STAFF)), account(2, from_words("Ukrainian officials", "UA"))])
    assert grade.grade == "alleged"
    assert grade.rule == ("alleged: said only by South General Staff (UA) and Ukrainian officials (UA); "
                          "none independent, none on the actor's side (RU)")


def test_only_unknown_affiliation_is_alleged():
    grade = grade_incident("RU", [account(1, from_words("unattributed", None))])
    assert grade.grade == "alleged"
    assert "unattributed (affiliation unknown)" in grade.rule


def test_no_accounts_is_alleged():
    assert grade_incident("RU", []).grade == "alleged"


def test_acknowledged_by_the_actor_is_confirmed():
    grade = grade_incident("RU", [account(1, from_source(NORTH_ARMY))])
    assert grade.grade == "confirmed"
    assert grade.rule == "confirmed: acknowledged by North Army Command (RU), the actor's side"


def test_independent_monitor_is_confirmed():
    grade = grade_incident("RU", [account(1, from_source(OBSERVERS))])
    assert grade.grade == "confirmed"
    assert grade.rule == "confirmed: verified by Ceasefire Observers (independent), an independent monitor"


def test_a_monitor_affiliated_with_a_party_does_not_confirm():
    assert grade_incident("RU", [account(1, from_source(PARTISAN_OBSERVERS))]).grade == "alleged"


def test_confirmation_beats_corroboration():
    accounts = [account(1, from_source(WIRE_ONE)), account(2, from_source(WIRE_TWO)), account(3, from_source(NORTH_ARMY))]
    assert grade_incident("RU", accounts).grade == "confirmed"


def test_denial_by_the_actor_side_beats_monitor_and_acknowledgement():
    accounts = [account(1, from_source(OBSERVERS)), account(2, from_source(NORTH_ARMY)),
                account(3, from_source(WIRE_ONE), deniers=[from_words("Russian officials", "RU", "government")])]
    grade = grade_incident("RU", accounts)
    assert grade.grade == "contested"
    assert grade.rule == "contested: denied by Russian officials (RU), the actor's side"


def test_denial_by_the_other_side_does_not_contest():
    accounts = [account(1, from_source(WIRE_ONE), deniers=[from_source(SOUTH_STAFF)])]
    assert grade_incident("RU", accounts).grade == "reported"


def test_accounts_blaming_different_actors_are_contested():
    accounts = [account(1, from_source(NORTH_ARMY), actor="UA"), account(2, from_source(SOUTH_STAFF), actor="RU"),
                account(3, from_source(WIRE_ONE))]
    grade = grade_incident("RU", accounts)
    assert grade.grade == "contested"
    assert grade.rule == ("contested: responsibility is claimed both ways: RU according to South General Staff (UA); "
                          "UA according to North Army Command (RU)")


def test_accounts_agreeing_on_the_actor_are_not_contested():
    accounts = [account(1, from_source(WIRE_ONE), actor="RU"), account(2, from_source(WIRE_TWO), actor="RU"),
                account(3, from_source(SOUTH_STAFF))]
    assert grade_incident("RU", accounts).grade == "corroborated"


def test_analyst_grade_beats_every_rule():
    accounts = [account(1, from_source(WIRE_ONE), deniers=[from_source(NORTH_ARMY)])]
    grade = grade_incident("RU", accounts, AnalystGrade("discounted", "analyst-7", "the footage is from 2023"))
    assert grade.grade == "discounted"
    assert grade.rule == "set by analyst-7: the footage is from 2023"
    assert grade.set_by_analyst


def test_analyst_may_set_any_grade_but_only_a_known_one():
    assert grade_incident(None, [], AnalystGrade("confirmed", "a", "seen on site")).grade == "confirmed"
    with pytest.raises(ValueError, match="unknown grade 'dubious'"):
        AnalystGrade("dubious", "a", "b")


def test_unknown_actor_cannot_be_acknowledged_or_denied_by_its_side():
    accounts = [account(1, from_source(NORTH_ARMY), deniers=[from_source(SOUTH_STAFF)])]
    grade = grade_incident(None, accounts)
    assert grade.grade == "alleged"
    assert grade.rule.endswith("none independent, and the actor is unknown")


def test_unknown_actor_still_confirmed_by_a_monitor_and_contested_by_two_blames():
    assert grade_incident(None, [account(1, from_source(OBSERVERS))]).grade == "confirmed"
    both_ways = [account(1, from_source(WIRE_ONE), actor="RU"), account(2, from_source(WIRE_TWO), actor="UA")]
    assert grade_incident(None, both_ways).grade == "contested"


def test_unknown_actor_with_independent_and_party_source_is_corroborated():
    accounts = [account(1, from_source(WIRE_ONE)), account(2, from_source(NORTH_ARMY))]
    assert grade_incident(None, accounts).grade == "corroborated"


def test_grade_and_rule_do_not_depend_on_account_order():
    accounts = [account(1, from_source(WIRE_TWO), deniers=[from_words("Kremlin aides", "RU")]),
                account(2, from_source(WIRE_ONE), deniers=[from_source(NORTH_ARMY)]),
                account(3, from_words("witnesses", None))]
    results = {grade_incident("RU", list(order)) for order in itertools.permutations(accounts)}
    assert len(results) == 1
    assert next(iter(results)).rule == ("contested: denied by Kremlin aides (RU) and North Army Command (RU), "
                                        "the actor's side")
