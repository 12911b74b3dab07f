def echo():
    while True:
        received = yield
        print("got", received)
g = echo()
g.send("too early")
