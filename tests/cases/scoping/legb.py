x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
def shadow():
    x = "local"
    return x
def builtin_lookup():
    return len("abc")
print(outer(), shadow(), builtin_lookup(), x)
len = lambda s: "shadowed len"
print(builtin_lookup())
del len
print(builtin_lookup())
