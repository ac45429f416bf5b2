"""factcheck: extract claims from prose and check them against declarative rules and reference facts."""

__version__ = "0.1.0"
