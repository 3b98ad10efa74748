"""Files to analysed articles, one stage a module: ingest (and html), clean, meta, topics, links; `article`
runs one article through them."""
