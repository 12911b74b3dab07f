class Account:
    balance = 0
    def deposit(self, n): self.balance += n
a = Account()
a.deposit(5)
print(a.balance)
a.deposti(1)
