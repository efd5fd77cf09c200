"""The one version source (read by the build, the CLI, the reports and the store)."""

__version__ = "0.2.0"
