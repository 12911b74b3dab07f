def process(item):
    try:
        return 10 / item
    except ZeroDivisionError as e:
        e.add_note(f"while processing item={item!r}")
        raise
process(0)
