def total(values):
    running = 0
    for v in values:
        running += v
    return runing
print(total([]) if False else "start")
total([1, 2])
