def t(name, val):
    print("eval", name)
    return val
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 2))
print(t("a", 0) or t("b", 0) or t("c", "c"))
print(t("a", "x") or t("b", 1))
print(not t("n", []))
