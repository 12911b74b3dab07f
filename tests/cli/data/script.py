import sys
print("script", sys.argv, __name__)
