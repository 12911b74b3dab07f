def main():
    raise RuntimeError("script failed")
main()
