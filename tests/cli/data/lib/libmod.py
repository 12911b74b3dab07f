NAME = "libmod from PYTHONPATH"
