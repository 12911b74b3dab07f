seen = {1, 2}
seen.remove(3)
