import sys
print(sys.path[0].endswith("imports"), sys.path[0].split("/")[-1])
print("sys" in sys.modules, "builtins" in sys.modules, "__main__" in sys.modules)
import shapes
print("shapes" in sys.modules, "shapes.circle" in sys.modules)
