x = {"a": 1}
y = x["a"] + None
