"""sbs — build and check an SME public-service standard system against the Yunnan guide."""

__version__ = "0.1.0"
