"""The codes finding and how scope combines findings when there is no area or site."""

import pytest

from .conftest import agreement, refrain, strike, test_of, verdict_of

ENERGY = agreement([refrain(targets={"energy"})])
GRID_ONLY = agreement([refrain(targets={"energy.grid"})])


def scope(ag, targets):
    t = test_of(ag, strike(targets=targets), "scope")
    return t.answer, t.reason


def test_code_below_a_named_code_is_in_scope():
    assert scope(ENERGY, ("energy.grid",)) == ("yes", None)


def test_code_equal_to_a_named_code_is_in_scope():
    assert scope(GRID_ONLY, ("energy.grid",)) == ("yes", None)


def test_code_above_a_named_code_is_unknown():
    assert scope(GRID_ONLY, ("energy",)) == ("unknown", None)
    v = verdict_of(GRID_ONLY, strike(targets=("energy",)))
    assert (v.verdict, v.unknown) == ("undetermined", ("scope",))


def test_unrelated_code_is_out_of_scope():
    assert scope(ENERGY, ("health",)) == ("no", "out_of_scope")
    assert scope(GRID_ONLY, ("energy.gas",)) == ("no", "out_of_scope")


def test_several_codes_yes_wins_over_unknown_and_no():
    assert scope(GRID_ONLY, ("health", "energy", "energy.grid")) == ("yes", None)


def test_several_codes_unknown_wins_over_no():
    assert scope(GRID_ONLY, ("health", "energy")) == ("unknown", None)


def test_no_codes_at_all_is_unknown():
    assert scope(ENERGY, ()) == ("unknown", None)


def test_commitment_with_empty_targets_covers_nothing():
    assert scope(agreement([refrain(targets=set())]), ("energy.grid",)) == ("no", "out_of_scope")


@pytest.mark.parametrize("targets", [(), ("military",), ("energy.grid",)])
def test_commitment_without_targets_or_sites_covers_every_target(targets):
    t = test_of(agreement([refrain(targets=None)]), strike(targets=targets), "scope")
    assert t.answer == "yes"
    assert t.note == "neither targets nor sites: every target is covered"


def test_scope_figures_show_the_codes_compared():
    f = test_of(ENERGY, strike(targets=("energy.grid", "health")), "scope").figures
    assert (f["codes"], f["targets"], f["findings"]) == (["energy.grid", "health"], ["energy"], {"codes": "yes"})


def test_incident_code_outside_the_taxonomy_is_refused():
    with pytest.raises(ValueError, match="'power'"):
        verdict_of(ENERGY, strike(targets=("power",)))
