counter = 0
def incr():
    global counter
    counter += 1
    return counter
incr(); incr()
print(counter)
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 10
    inner(); inner()
    return x
print(outer())
def make():
    global newglobal
    newglobal = "created"
make()
print(newglobal)
