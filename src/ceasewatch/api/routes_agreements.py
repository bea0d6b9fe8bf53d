"""GET /api/agreements, /api/agreements/{id} and its protected sites."""

from __future__ import annotations

from fastapi import APIRouter, Depends

from ..core import Ceasewatch
from ..errors import NotFound
from .app import get_ceasewatch, json_response
from .schemas_agreements import AgreementOut, agreement_json
from .schemas_map import FeatureCollectionOut, sites_json

router = APIRouter(tags=["agreements"])
NOT_FOUND = {404: {"description": "No such agreement"}}


@router.get("/agreements", response_model=list[AgreementOut])
def list_agreements(cw: Ceasewatch = Depends(get_ceasewatch)):
    """Every stored agreement with its versions, commitment windows (UTC) and perform statuses now."""
    try:
        agreements = cw.agreements()
    except NotFound:  # nothing stored: an empty list, not an error
        agreements = []
    return json_response([agreement_json(a, cw.commitment_statuses(a.id)) for a in agreements])


@router.get("/agreements/{agreement_id}", response_model=AgreementOut, responses=NOT_FOUND)
def get_agreement(agreement_id: str, cw: Ceasewatch = Depends(get_ceasewatch)):
    """One agreement: parties, events, groups, site lists, versions with their windows."""
    agreement = cw.agreement(agreement_id)
    return json_response(agreement_json(agreement, cw.commitment_statuses(agreement.id)))


@router.get("/agreements/{agreement_id}/sites", response_model=FeatureCollectionOut, responses=NOT_FOUND)
def get_sites(agreement_id: str, cw: Ceasewatch = Depends(get_ceasewatch)):
    """The agreement's listed protected sites as GeoJSON (property `list` names the site list)."""
    return json_response(sites_json(cw.agreement(agreement_id)))
