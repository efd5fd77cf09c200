"""Stage 3: how and when to follow up a lead who does not reply, by country.

``plan_followup`` gives the country's channels, the lead's local time, weekend and
public holidays, the next good window to write and a cadence of follow-ups;
``infer_country`` reads the country from a phone number or a domain.
"""

from leadcheck.followup.cadence import CadenceStep
from leadcheck.followup.countries import country_from_domain, country_from_phone, resolve_country
from leadcheck.followup.plan import FollowupPlan, PlanContacts, infer_country, plan_followup
from leadcheck.followup.timing import Holiday, Window

__all__ = [
    "CadenceStep",
    "FollowupPlan",
    "Holiday",
    "PlanContacts",
    "Window",
    "country_from_domain",
    "country_from_phone",
    "infer_country",
    "plan_followup",
    "resolve_country",
]
