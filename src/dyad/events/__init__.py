"""Events: the trigger lexicon, the rules that find source and target, modality and attribution."""
