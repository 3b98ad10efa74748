"""Markdown out: the comparison and bookmark exports, and the escaping that keeps article text inert."""
