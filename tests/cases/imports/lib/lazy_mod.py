real = "real attr"
def __getattr__(name):
    if name == "forbidden":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return "computed " + name
def __dir__():
    return ["real", "virtual"]
