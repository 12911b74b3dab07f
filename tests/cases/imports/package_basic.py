import shapes
import shapes.square
from shapes import circle
from shapes.square import area as sq_area, SIDES
import shapes.square as sqmod
print(shapes.NAME, circle.area(1), sq_area(3), SIDES, sqmod is shapes.square)
print(shapes.__name__, shapes.square.__name__, circle.__package__, shapes.__package__)
print(sorted(k for k in vars(shapes) if not k.startswith("__")))
