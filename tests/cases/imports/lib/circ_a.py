import circ_b
A_VALUE = "a"
