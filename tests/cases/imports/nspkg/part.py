WHO = "part"
