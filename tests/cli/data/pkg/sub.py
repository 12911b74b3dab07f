print("pkg.sub as", __name__, __package__)
