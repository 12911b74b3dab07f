import circ_partial_x
Y = circ_partial_x.X
