"""claimscope: an accounting of what articles claim, on what evidence, and how certainly."""

__version__ = "0.4.0"
