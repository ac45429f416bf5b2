"""What CI gating needs beyond findings: suppressions, baselines and their fingerprints."""
