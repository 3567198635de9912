"""dyad on Apache Spark: `dyad spark run|dedup|export` (see jobs.py)."""
