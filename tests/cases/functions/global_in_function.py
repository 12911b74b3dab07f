g = 1
def read():
    return g
def write():
    global g
    g = "changed"
def local_shadow():
    g = "local"
    return g
print(read(), local_shadow(), g)
write()
print(read(), g)
