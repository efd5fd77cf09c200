import sys

from leadcheck.cli import main

sys.exit(main())
