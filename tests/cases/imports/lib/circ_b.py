import circ_a
saw = sorted(k for k in vars(circ_a) if not k.startswith("__"))
B_VALUE = "b"
