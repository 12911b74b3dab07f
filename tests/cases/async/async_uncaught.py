async def fetch(n):
    if n > 2:
        raise ConnectionError(f"cannot fetch {n}")
    return n
async def main():
    total = 0
    for i in range(5):
        total += await fetch(i)
    return total
main().send(None)
