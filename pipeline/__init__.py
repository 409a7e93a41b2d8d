"""newsevents: who said what, about what, and for or against it."""

__version__ = "0.1.0"
# Stored on every row; the warehouse keeps the newest version's row per id.
PIPELINE_VERSION = __version__
