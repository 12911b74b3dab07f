try:
    raise ExceptionGroup("batch failed", [ValueError("bad value"), KeyError("k")])
except* ValueError:
    print("handled the ValueErrors")
