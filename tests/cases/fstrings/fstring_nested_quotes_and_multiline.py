d = {"key": "value", "n": 3}
print(f"{d['key']}", f'{d["n"] * 2}', f"""{
    d['key'].upper()
}""", f"{'{'}{'}'}", f"{'-' * 5}", f"{3 + 4!r:>4}", f"{d!r}")
x = 10
print(f"{x:{'#' if x else ''}x}", f"{x!s:^{x}}|", f"{x:{x}}|", f"{'nested {}'.format(x)}")
