"""Loading what a page answer needs in few queries: references, streams, rich text, images."""
