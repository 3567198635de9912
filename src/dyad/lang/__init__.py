"""Languages: detection, and one subpackage per language with the same stages."""
