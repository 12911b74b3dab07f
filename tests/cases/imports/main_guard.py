import sys; sys.path.insert(0, sys.path[0] + "/lib")
import guard_mod
print("script __name__:", __name__)
if __name__ == "__main__":
    print("running as main")
print(guard_mod.result, guard_mod.__name__)
