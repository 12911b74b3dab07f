# A `global` declaration in an enclosing function makes the name global in the
# functions nested in it, over an outer function's binding (symtable's analyze_name).
x = 7
def f():
    x = 1
    def g():
        global x
        def i():
            def h():
                return x
            return h()
        return i()
    return g()
print(f(), x)

def f2():
    x = 1
    def g():
        global x
        x = 2
        def i():
            return x
        return i()
    return g()
print(f2(), x)

def f3():
    x = 1
    def g():
        x = 3
        def i():
            def h():
                return x
            return h()
        return i()
    return g(), x
print(f3(), x)

def f4():
    y = 5
    def g():
        global y
        def h():
            return y
        return h
    return g()
try:
    f4()()
except NameError as e:
    print("NameError:", e)
