class InsufficientFunds(Exception):
    def __init__(self, need, have):
        super().__init__(f"need {need}, have {have}")
def withdraw(amount):
    raise InsufficientFunds(amount, 10)
withdraw(50)
