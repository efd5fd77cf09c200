"""Shared base for result objects: immutable pydantic models."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """An immutable result object; unknown fields are refused."""

    model_config = ConfigDict(frozen=True, extra="forbid")
