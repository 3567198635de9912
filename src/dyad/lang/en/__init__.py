"""English: sentences and tokens (spaCy tokenizer), tagging and dependency syntax (spaCy small pipeline)."""
