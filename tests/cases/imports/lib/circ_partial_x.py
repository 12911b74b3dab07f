import circ_partial_y
X = 1
