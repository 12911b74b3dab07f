match = 5
case = [match, 6]
print(match, case)
match case:
    case [5, x]:
        print("matched", x)
_ = "underscore"
print(_)
