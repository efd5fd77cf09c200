"""Network layer: DNS resolution and bounded, guarded HTTP fetching."""

DEFAULT_TIMEOUT = 15.0  # seconds for the whole check of one lead (here: no heavy imports)
