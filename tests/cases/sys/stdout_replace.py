import sys
class Capture:
    def __init__(self): self.data = []
    def write(self, s): self.data.append(s); return len(s)
    def flush(self): pass
old = sys.stdout
sys.stdout = cap = Capture()
print("captured line", 1)
sys.stdout = old
print(cap.data)
sys.stdout = None
print("swallowed when stdout is None")
sys.stdout = sys.__stdout__
print("restored")
