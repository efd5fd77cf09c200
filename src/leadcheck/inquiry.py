"""What a rep knows about a lead when it arrives: the inquiry."""

from __future__ import annotations

from leadcheck.models import Frozen


class Inquiry(Frozen):
    """One inquiry as the rep received it. Every field is optional and untrusted."""

    email: str | None = None
    website: str | None = None
    phone: str | None = None
    country: str | None = None
    company: str | None = None
    contact: str | None = None
    message: str | None = None
