import shapes.square as s
import shapes
print(s.SIDES, hasattr(shapes, "square"), hasattr(shapes, "circle"))
from shapes import square, circle
print(hasattr(shapes, "circle"), square is s)
import math as m, sys as system
print(m.floor(2.5), system.maxsize > 0)
