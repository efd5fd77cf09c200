"""leadcheck: qualify B2B sales leads.

Three stages, each a library call that scripts can use without the CLI:

1. verify   -- is the inquiry real? (email and website checks, a verdict)
2. fit      -- is it our customer? (UV-disinfection industry taxonomy)
3. followup -- how and when to reach the lead, by country
"""

__version__ = "0.1.0"

import time as _time

#: When the process loaded leadcheck; a one-lead command's --timeout counts from here.
STARTED = _time.monotonic()
