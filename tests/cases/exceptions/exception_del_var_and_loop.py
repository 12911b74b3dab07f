errors = []
for v in ("1", "x", "3", None):
    try:
        errors.append(int(v))
    except (ValueError, TypeError) as err:
        errors.append(type(err).__name__)
print(errors)
def retry():
    for attempt in range(3):
        try:
            if attempt < 2:
                raise ConnectionError(f"attempt {attempt}")
            return "success at %d" % attempt
        except ConnectionError as e:
            print("retrying after", e)
print(retry())
