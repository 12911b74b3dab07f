thing = "sibling thing"
