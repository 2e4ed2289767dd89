"""The institution an official site speaks for, from the page's address: a GOV.UK page is the
UK Government's, a page on ec.europa.eu the European Commission's. Used as a release's house
voice when its text names none ("£257 million will be handed to councils" on GOV.UK is the
Government's doing, not the councils' or England's). Only sites whose every news page is the
institution's own release are listed; a newspaper's site names no committed party."""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["site_voice", "voice_on_site"]

# Host (or the domain it ends with) → the institution, in the form a reader knows it by.
_SITES: dict[str, str] = {
    "gov.scot": "Scottish Government",
    "gov.wales": "Welsh Government",
    "llyw.cymru": "Welsh Government",
    "northernireland.gov.uk": "Northern Ireland Executive",
    "executiveoffice-ni.gov.uk": "Northern Ireland Executive",
    "gov.ie": "Government of Ireland",
    "ec.europa.eu": "European Commission",
    "commission.europa.eu": "European Commission",
    "europarl.europa.eu": "European Parliament",
    "consilium.europa.eu": "Council of the EU",
    "ecb.europa.eu": "European Central Bank",
    "canada.ca": "Government of Canada",
    "gc.ca": "Government of Canada",
    "pm.gov.au": "Australian Government",
    "beehive.govt.nz": "New Zealand Government",
    "whitehouse.gov": "The White House",
    "state.gov": "U.S. Department of State",
    "commerce.gov": "U.S. Department of Commerce",
    "energy.gov": "U.S. Department of Energy",
    "transportation.gov": "U.S. Department of Transportation",
    "treasury.gov": "U.S. Department of the Treasury",
    "usda.gov": "U.S. Department of Agriculture",
    "dol.gov": "U.S. Department of Labor",
    "hhs.gov": "U.S. Department of Health and Human Services",
    "doi.gov": "U.S. Department of the Interior",
    "defense.gov": "U.S. Department of Defense",
    "ed.gov": "U.S. Department of Education",
    "epa.gov": "EPA",
    "nasa.gov": "NASA",
    "noaa.gov": "NOAA",
    "nist.gov": "NIST",
    "cbo.gov": "Congressional Budget Office",
    "federalreserve.gov": "Federal Reserve",
}
# GOV.UK itself, not every *.gov.uk host: "manchester.gov.uk" is a council's.
_EXACT: dict[str, str] = {"gov.uk": "UK Government", "www.gov.uk": "UK Government"}
# The Northern Ireland departments' own sites: "finance-ni.gov.uk", "infrastructure-ni.gov.uk".
_NI_DEPARTMENTS = "-ni.gov.uk"
_INSTITUTIONS = frozenset([*_SITES.values(), *_EXACT.values()])
_MAX_URL = 2048


def site_voice(url: str | None) -> str | None:
    """The institution whose site `url` is on, or None (unknown site, no or malformed URL)."""
    if not url or len(url) > _MAX_URL:
        return None
    try:
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").rstrip(".")
    except ValueError:  # "http://[::1" and other broken addresses
        return None
    host = host.lower()
    if host in _EXACT:
        return _EXACT[host]
    if host.endswith(_NI_DEPARTMENTS):  # "www.finance-ni.gov.uk"
        return _SITES["northernireland.gov.uk"]
    labels = host.split(".")
    for i in range(len(labels) - 1):  # the longest listed domain the host ends with
        voice = _SITES.get(".".join(labels[i:]))
        if voice is not None:
            return voice
    return None


def voice_on_site(voice: str | None, site: str | None) -> str | None:
    """The voice of a release on `site` (an institution, or None), given the one its text
    names: the text's, unless it is another site's institution ("UK Government" named in a
    gov.scot release is who it talks about, not who speaks)."""
    if site is None or voice is None:
        return voice or site
    return site if voice in _INSTITUTIONS and voice != site else voice
