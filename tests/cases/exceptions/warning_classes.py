print(issubclass(UserWarning, Warning), issubclass(Warning, Exception), [c.__name__ for c in SyntaxWarning.__mro__])
w = RuntimeWarning("rw")
print(repr(w), str(w))
