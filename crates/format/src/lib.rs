//! Python number and text formatting rules, independent of the object model.
