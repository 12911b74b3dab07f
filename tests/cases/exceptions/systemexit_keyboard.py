for exc in (SystemExit(2), KeyboardInterrupt(), GeneratorExit()):
    try:
        try:
            raise exc
        except Exception:
            print("not here")
    except BaseException as e:
        print("BaseException caught", type(e).__name__)
