class Shape:
    def __init__(self, sides):
        self.sides = sides
s = Shape()
