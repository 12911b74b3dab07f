try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("middle")
    finally:
        print("inner finally")
except KeyError:
    print("not matched")
