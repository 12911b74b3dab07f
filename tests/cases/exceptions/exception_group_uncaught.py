raise ExceptionGroup("top", [ValueError("first"), ExceptionGroup("nested", [TypeError("second")])])
