__all__ = ["public", "also_public"]
public = 1
also_public = 2
hidden = 3
