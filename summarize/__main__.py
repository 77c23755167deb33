"""``python -m summarize``: the command line."""

import sys

from summarize.cli import run

sys.exit(run())
