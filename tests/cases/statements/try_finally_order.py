def f(n):
    try:
        if n == 0:
            return "ret"
        if n == 1:
            raise ValueError("v")
        print("body", n)
    except ValueError as e:
        print("except", e)
        return "from except"
    else:
        print("else", n)
        return "from else"
    finally:
        print("finally", n)
for n in range(3):
    print(f(n))
