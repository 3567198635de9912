"""Russian: razdel segmentation, pymorphy3 lemmas, natasha/slovnet morphology and syntax."""
