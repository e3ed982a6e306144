"""`sbs report`: the standard-system table and the gap report, built once, rendered per format."""
