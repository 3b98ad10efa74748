"""What is computed over an analysed Corpus for a person: coverage, compare, perspectives, voices."""
