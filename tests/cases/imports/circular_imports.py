import sys; sys.path.insert(0, sys.path[0] + "/lib")
import circ_a
print(circ_a.A_VALUE, circ_a.circ_b.B_VALUE, circ_a.circ_b.saw)
try:
    import circ_partial_x
except AttributeError as e:
    print(type(e).__name__, e)
try:
    from circ_from_x import thing
except ImportError as e:
    print(type(e).__name__, e)
