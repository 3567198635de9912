"""Event dates: expressions in the text resolved against the publication date."""
