"""attr_mod docstring"""
