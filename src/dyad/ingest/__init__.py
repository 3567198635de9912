"""Readers: files, directories, stdin and JSONL -> Document (with clear problems for bad input)."""
