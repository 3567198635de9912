"""The CAMEO event ontology (codes, Goldstein, quad class) and its PLOVER mapping."""
