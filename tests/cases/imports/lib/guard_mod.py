if __name__ == "__main__":
    result = "main"
else:
    result = "imported as " + __name__
