names = sorted(n for n in dir(str) if not n.startswith("_") and n != "maketrans")
for n in names:
    for args in ((), (1,)*5):
        try:
            getattr("a", n)(*args)
        except TypeError as e:
            print(n, len(args), e)
        except Exception as e:
            print(n, len(args), type(e).__name__)
