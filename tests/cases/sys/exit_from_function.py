import sys
def main():
    print("main running")
    return 2
if __name__ == "__main__":
    sys.exit(main())
