ratios = [10 / d for d in [5, 2, 0, 1]]
