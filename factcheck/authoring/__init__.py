"""Tools for rule authors: rule tests, annotated documents, pattern examples, explain, rule docs."""
