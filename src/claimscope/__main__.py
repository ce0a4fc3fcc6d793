"""`python -m claimscope ...`: the same command line as the `claimscope` script (for a checkout
run with PYTHONPATH=src, where no script is installed)."""

import sys

from claimscope.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
