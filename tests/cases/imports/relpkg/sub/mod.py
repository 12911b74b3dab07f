from .. import helper
from ..helper import VALUE
from . import sibling
from .sibling import thing
LOCAL = "local"
def describe():
    return [VALUE, sibling.__name__, thing, __name__, __package__]
