"""Network layer: DNS resolution and bounded, guarded HTTP fetching."""
