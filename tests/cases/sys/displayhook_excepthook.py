import sys
def hook(t, v, tb):
    print("custom excepthook:", t.__name__, v, tb is not None)
sys.excepthook = hook
print(sys.__excepthook__ is not None, callable(sys.displayhook))
raise RuntimeError("handled by hook")
