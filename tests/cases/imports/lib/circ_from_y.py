from circ_from_x import thing
other = 2
