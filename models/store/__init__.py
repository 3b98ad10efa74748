"""What parallax keeps on disk: the analysis cache, bookmarks and the anchors that find their passages again."""
