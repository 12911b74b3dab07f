import shapes
from shapes import hexagon
