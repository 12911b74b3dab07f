from circ_from_y import other
thing = 1
