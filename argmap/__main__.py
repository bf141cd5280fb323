"""``python -m argmap`` is the ``argmap`` command."""

import sys

from argmap.cli import main

sys.exit(main())
