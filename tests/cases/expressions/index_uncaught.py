items = [10, 20, 30]
print(items[3])
