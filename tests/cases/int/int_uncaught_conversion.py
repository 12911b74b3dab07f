values = ["10", "20", "thirty"]
print(sum(int(v) for v in values))
